#!/usr/bin/env python3
"""`zexa campaigns wait` in a real terminal (a pseudo-terminal): the progress bar is drawn,
redrawn in place while the campaign progresses, and ends on the completed line.

Usage: progress_pty.py PATH_TO_ZEXA. Starts its own sandbox with `zexa sandbox`.
"""

import json
import os
import pty
import re
import select
import subprocess
import sys
import time

BOUND_S = 60  # how long any step may take before the test fails (a bound, not a pause)
RECIPIENTS = 5


def main(zexa: str) -> int:
    sandbox = subprocess.Popen(
        [zexa, "sandbox", "--addr", "127.0.0.1:0", "--delivery-ms", "1500", "--failure-rate", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert sandbox.stdout is not None
        base_url = sandbox.stdout.readline().strip()
        assert base_url.endswith("/v1"), base_url
        env = {**os.environ, "ZEXA_BASE_URL": base_url, "ZEXA_API_KEY": "zx_sandbox_key", "TERM": "xterm-256color"}
        campaign = start_campaign(zexa, env)
        status, screen = run_in_terminal(zexa, env, ["campaigns", "wait", campaign, "--poll-interval", "0.1"])
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=BOUND_S)
    check(status, screen, campaign)
    print("progress_pty: 1 passed, 0 failed")
    return 0


def start_campaign(zexa: str, env: dict[str, str]) -> str:
    def run(*args: str) -> dict:
        out = subprocess.run([zexa, "--json", *args], env=env, check=True, capture_output=True, text=True, timeout=BOUND_S)
        return json.loads(out.stdout.splitlines()[-1])

    list_id = run("lists", "create", "pty")["id"]
    for i in range(RECIPIENTS):
        run("contacts", "create", "--name", f"C{i}", "--phone", f"+24491299{i:04d}", "--list", list_id)
    return run("campaigns", "create", "--name", "pty", "--channel", "sms", "--list", list_id, "--from", "ZEXA", "--body", "Hi")["id"]


def run_in_terminal(zexa: str, env: dict[str, str], args: list[str]) -> tuple[int, bytes]:
    """Runs zexa with a pty as its terminal; returns its exit code and everything it drew."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: zexa, on the terminal
        os.execve(zexa, [zexa, *args], env)
    screen = b""
    deadline = time.monotonic() + BOUND_S
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], deadline - time.monotonic())
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), screen


def check(status: int, screen: bytes, campaign: str) -> None:
    text = screen.decode("utf-8", "replace")
    assert status == 0, f"exit {status}: {text!r}"
    assert "\x1b[" in text or "\r" in text, f"the bar is redrawn in place: {text!r}"
    # What each redraw left: strip the escape sequences, split where the cursor went back.
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "\r", text)
    frames = [f.strip() for f in re.split(r"[\r\n]+", plain) if f.strip()]
    bars = [f for f in frames if "█" in f or "░" in f]
    assert bars, f"a bar was drawn: {frames!r}"
    assert len(set(bars)) >= 2, f"the bar moved while the campaign progressed: {bars!r}"
    final = bars[-1]
    assert f"{RECIPIENTS}/{RECIPIENTS}" in final and "completed" in final, f"ends on the completed line: {final!r}"
    assert f"delivered {RECIPIENTS}" in final, final
    assert frames[-1] == f"{campaign} completed", f"then the final status: {frames[-3:]!r}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
