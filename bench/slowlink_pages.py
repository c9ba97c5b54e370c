"""Writes the slow-link benchmark's contact pages: ``slowlink_pages.py DIR PAGES``.

Each page is what ``GET /contacts?per_page=100`` returns: 100 contacts with varied Angolan
names, phones, emails, lists and dates (seeded, so every run serves the same bytes), about
20 kB of JSON that gzip brings to about 6 kB, as in the issue's measurement."""

import json
import random
import sys

FIRST = ["Maria", "João", "Ana", "Pedro", "Luísa", "António", "Joana", "Manuel", "Teresa", "Carlos",
         "Isabel", "Francisco", "Rosa", "Paulo", "Helena", "José", "Marta", "Domingos", "Esperança", "Mateus"]
LAST = ["Santos", "Ferreira", "da Silva", "Neto", "Lopes", "Domingos", "Cardoso", "Gonçalves", "Mendes",
        "Kiala", "Sebastião", "Tavares", "Manuel", "Fernandes", "Baptista", "Quintas", "Lukeny", "Mbala"]
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
DOMAINS = ["example.com", "empresa.co.ao", "mail.ao", "correio.ao"]


def contact(rng, n):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    lists = rng.sample(["lst_clientes", "lst_vip", "lst_luanda", "lst_benguela", "lst_newsletter"], rng.randint(0, 3))
    return {
        # Random IDs, as the API's: the least compressible field.
        "id": "cnt_" + "".join(rng.choice(ALPHABET) for _ in range(11)),
        "name": f"{first} {last}",
        "phone": f"+2449{rng.randint(10_000_000, 99_999_999)}",
        "email": f"{first.lower()}.{last.split()[-1].lower()}{rng.randint(1, 999)}@{rng.choice(DOMAINS)}",
        "lists": lists,
        "created_at": f"2026-0{rng.randint(1, 9)}-{rng.randint(10, 28)}T{rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}Z",
    }


def main():
    out, pages = sys.argv[1], int(sys.argv[2])
    rng = random.Random(13)
    for p in range(1, pages + 1):
        data = [contact(rng, (p - 1) * 100 + i) for i in range(100)]
        page = {"data": data, "meta": {"total": 100_000, "page": p, "per_page": 100}}
        with open(f"{out}/{p}.json", "w") as f:
            json.dump(page, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
