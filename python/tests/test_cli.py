"""The ``zexa`` console script and ``python -m zexa``: the Rust CLI's program, run by the native
module (its own tests are in tests/cli); here, that the Python installs run it end to end."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

from conftest import API_KEY, Sandbox

BOUND_S = 60  # how long a run may take before the test fails (a bound, not a pause)

LAUNCHERS = {
    "python -m zexa": [sys.executable, "-m", "zexa"],
    # Installed next to the interpreter by `pip install` / `maturin develop`.
    "console script": [str(Path(sys.executable).with_name("zexa"))],
}


def env_for(sandbox: Sandbox) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZEXA_")}
    env.update(ZEXA_BASE_URL=sandbox.url, ZEXA_API_KEY=API_KEY)
    return env


def zexa(launcher: List[str], sandbox: Sandbox, *args: str) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [*launcher, *args], env=env_for(sandbox), capture_output=True, text=True, timeout=BOUND_S
    )


@pytest.mark.parametrize("name", list(LAUNCHERS))
def test_every_launcher_runs_the_program(name: str, sandbox: Sandbox) -> None:
    launcher = LAUNCHERS[name]
    version = zexa(launcher, sandbox, "--version")
    assert version.returncode == 0, version
    assert version.stdout.strip().startswith("zexa "), version.stdout

    created = zexa(launcher, sandbox, "contacts", "create", "--name", "Ana", "--phone", "+244912345678", "--json")
    assert created.returncode == 0, created
    contact = json.loads(created.stdout)
    assert contact["id"].startswith("cnt_") and contact["name"] == "Ana"

    table = zexa(launcher, sandbox, "contacts", "list")
    assert table.returncode == 0, table
    header, row = table.stdout.splitlines()
    assert header.split() == ["ID", "NAME", "PHONE", "EMAIL", "LISTS"]
    assert row.split()[:3] == [contact["id"], "Ana", "+244912345678"]

    # The documented exit codes, from the same mapping.
    assert zexa(launcher, sandbox, "contacts", "get", "cnt_missing").returncode == 5
    assert zexa(launcher, sandbox, "contacts", "create", "--name", "B", "--phone", "0912").returncode == 3
    assert zexa(launcher, sandbox, "no-such-command").returncode == 2
    wrong_key = subprocess.run(
        [*launcher, "credits"],
        env={**env_for(sandbox), "ZEXA_API_KEY": "zx_wrong"},
        capture_output=True,
        text=True,
        timeout=BOUND_S,
    )
    assert wrong_key.returncode == 4 and "zx_wrong" not in wrong_key.stderr + wrong_key.stdout


def test_both_launchers_print_the_same_help(sandbox: Sandbox) -> None:
    helps = {name: zexa(launcher, sandbox, "--help").stdout for name, launcher in LAUNCHERS.items()}
    first, second = helps.values()
    assert first == second
    assert "Exit codes: 0 success, 2 usage error" in first


def test_ctrl_c_during_a_wait_exits_130(sandboxes: List[Sandbox]) -> None:
    # A manual clock: the campaign stays in progress until the interrupt.
    sandbox = Sandbox("--manual-clock", "--failure-rate", "0")
    sandboxes.append(sandbox)
    launcher = LAUNCHERS["python -m zexa"]
    lst = json.loads(zexa(launcher, sandbox, "--json", "lists", "create", "L").stdout)["id"]
    zexa(launcher, sandbox, "contacts", "create", "--name", "A", "--phone", "+244912000777", "--list", lst)
    created = zexa(launcher, sandbox, "--json", "campaigns", "create", "--name", "C", "--channel", "sms",
                   "--list", lst, "--from", "ZEXA", "--body", "Hi")
    campaign = json.loads(created.stdout)["id"]
    proc = subprocess.Popen(
        [*launcher, "--json", "campaigns", "wait", campaign, "--poll-interval", "0.05"],
        env=env_for(sandbox),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = json.loads(proc.stdout.readline())  # the first poll: the wait is under way
    assert first["id"] == campaign
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=BOUND_S)
    assert proc.returncode == 130, stderr
    assert "stopped waiting" in stderr and "KeyboardInterrupt" not in stderr, stderr
