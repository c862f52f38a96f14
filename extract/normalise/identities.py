"""Identities between measures, as declared in ``rules/reference/measures.yaml``.

In: the lines under ``identities`` ("realitetsbehandlede = stadfaestet + aendret_ophaevet +
hjemvist", "omgoerelsesprocent = aendret_ophaevet + hjemvist / realitetsbehandlede",
"stadfaestelsesprocent + omgoerelsesprocent = 100"). Out: ``Identities``, the typed form the
checks verify and the interpreter reads total rows by. Problems raise ``IdentityError`` with
the line and what is wrong; the reference loader adds the file name.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

_CODE = re.compile(r"[a-z][a-z0-9_]*")


class IdentityError(ValueError):
    """An identity line is malformed or names an unknown measure."""


@dataclass(frozen=True, slots=True)
class SumForm:
    """whole = sum of parts."""

    whole: str
    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RateForm:
    """rate = 100 × sum(numerator) / base; ``bases`` lists the base and its sum forms."""

    rate: str
    numerator: tuple[str, ...]
    bases: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Complement:
    """sum(rates) = 100 (``target`` None) or = the rate ``target``."""

    rates: tuple[str, ...]
    target: str | None


@dataclass(frozen=True, slots=True)
class Identities:
    """Every declared identity, with the sum forms of each whole expanded one level (a part
    that is itself a whole may be read as its parts)."""

    sums: tuple[SumForm, ...] = ()
    rates: tuple[RateForm, ...] = ()
    complements: tuple[Complement, ...] = ()

    def forms_of(self, whole: str) -> tuple[tuple[str, ...], ...]:
        """Every way ``whole`` is a sum of parts (empty if it is no whole)."""
        return tuple(form.parts for form in self.sums if form.whole == whole)

    def rate(self, measure: str) -> RateForm | None:
        """The rate definition of ``measure``, or None."""
        return next((r for r in self.rates if r.rate == measure), None)

    def whole_of(self, parts: Collection[str]) -> str | None:
        """The one whole whose parts are exactly ``parts`` (in any order), or None."""
        wanted = frozenset(parts)
        wholes = {form.whole for form in self.sums if frozenset(form.parts) == wanted}
        return wholes.pop() if len(wholes) == 1 else None


def parse_identities(body: object, known: Collection[str]) -> Identities:
    """The ``identities`` mapping of measures.yaml as ``Identities``; measure codes must be in
    ``known``."""
    if body is None:
        return Identities()
    if not isinstance(body, Mapping):
        raise IdentityError("identities: expected a mapping with sums, rates, complements")
    unknown = sorted(set(map(str, body)) - {"sums", "rates", "complements"})
    if unknown:
        raise IdentityError(f"identities.{unknown[0]}: unknown key (sums, rates, complements)")
    sums = tuple(_sum(line, known) for line in _lines(body, "sums"))
    sums = _expanded(sums)
    rates = tuple(_rate(line, known, sums) for line in _lines(body, "rates"))
    complements = tuple(_complement(line, known) for line in _lines(body, "complements"))
    return Identities(sums, rates, complements)


def _lines(body: Mapping[object, object], key: str) -> list[str]:
    value = body.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise IdentityError(f"identities.{key}: expected a list of lines")
    return [str(v) for v in value]


def _codes(text: str, line: str, known: Collection[str]) -> tuple[str, ...]:
    codes = tuple(part.strip() for part in text.split("+"))
    for code in codes:
        if not _CODE.fullmatch(code):
            raise IdentityError(f"{line!r}: {code!r} is not a measure code")
        if code not in known:
            raise IdentityError(f"{line!r}: unknown measure {code!r}")
    return codes


def _sum(line: str, known: Collection[str]) -> SumForm:
    left, sep, right = line.partition("=")
    if not sep or "/" in right:
        raise IdentityError(f"{line!r}: expected 'whole = part + part ...'")
    (whole,) = _codes(left, line, known)
    parts = _codes(right, line, known)
    if len(parts) < 2 or whole in parts:
        raise IdentityError(f"{line!r}: a sum needs two or more parts other than the whole")
    return SumForm(whole, parts)


def _expanded(sums: tuple[SumForm, ...]) -> tuple[SumForm, ...]:
    """The forms plus each form with one part replaced by that part's own forms."""
    out = list(sums)
    for form in sums:
        for i, part in enumerate(form.parts):
            for inner in (f for f in sums if f.whole == part):
                parts = (*form.parts[:i], *inner.parts, *form.parts[i + 1 :])
                extra = SumForm(form.whole, parts)
                if extra not in out:
                    out.append(extra)
    return tuple(out)


def _rate(line: str, known: Collection[str], sums: tuple[SumForm, ...]) -> RateForm:
    left, sep, right = line.partition("=")
    numerator, slash, base = right.partition("/")
    if not sep or not slash:
        raise IdentityError(f"{line!r}: expected 'rate = part + ... / base'")
    (rate,) = _codes(left, line, known)
    (base_code,) = _codes(base, line, known)
    forms = ((base_code,), *(f.parts for f in sums if f.whole == base_code))
    return RateForm(rate, _codes(numerator, line, known), forms)


def _complement(line: str, known: Collection[str]) -> Complement:
    left, sep, right = line.partition("=")
    if not sep:
        raise IdentityError(f"{line!r}: expected 'rate + rate = 100' or '= rate'")
    rates = _codes(left, line, known)
    target = right.strip()
    if target == "100":
        return Complement(rates, None)
    (code,) = _codes(target, line, known)
    return Complement(rates, code)
