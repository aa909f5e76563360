"""Whether the PC's clock is certainly behind (core, no display): behind the ENT file's newest confirmation, or
more than a day behind the newest moment the assistant recorded on this PC; never on a guess."""
from datetime import datetime

from wizard.core import entdata, pcclock
from wizard.core.progress import Progress, new_document
from wizard.core.store import ProgressStore
from wizard.core.typography import plain


def made_on(monkeypatch, moment: datetime):
    """A new document, its first moment recorded at `moment`."""
    monkeypatch.setattr("wizard.core.dates.clock", lambda: moment.timestamp())
    return new_document()


def ent_confirmed(*dates: str) -> entdata.EntData:
    """The shipped ENT with its facts confirmed on `dates` only, and no checklist."""
    ent = entdata.current()
    facts = dict(list(ent.facts.items())[:len(dates)])
    facts = {key: fact._replace(confirmed=when) for (key, fact), when in zip(facts.items(), dates, strict=True)}
    return ent._replace(facts=facts, checklists={})


def test_the_newest_confirmation_counts_a_partial_date_as_its_first_day():
    assert pcclock.newest_confirmation(ent_confirmed("2019-06-27", "2026", "2025-11")) == datetime(2026, 1, 1).date()
    assert pcclock.newest_confirmation(ent_confirmed()) is None
    shipped = entdata.current()
    newest = pcclock.newest_confirmation(shipped)
    assert newest is not None and any(item["confirmed"] == newest.isoformat() for items in
                                      shipped.checklists.values() for item in items) or any(
        fact.confirmed == newest.isoformat() for fact in shipped.facts.values())


def test_the_newest_record_is_a_moment_the_assistant_took_from_the_clock(data_dir, monkeypatch):
    assert pcclock.newest_record(made_on(monkeypatch, datetime(2026, 9, 1, 8, 0))) == datetime(2026, 9, 1, 8, 0)
    moment = [datetime(2026, 9, 3, 10, 0)]
    monkeypatch.setattr("wizard.core.dates.clock", lambda: moment[0].timestamp())
    progress = Progress.open(ProgressStore(data_dir))
    progress.complete_step("accueil")
    moment[0] = datetime(2026, 9, 4, 11, 30)
    progress.note_failures("2031-01-01", 3)  # the day the admin read a count is theirs, not the clock's
    assert pcclock.newest_record(progress.doc) == datetime(2026, 9, 4, 11, 30)  # when it was noted


def test_no_warning_when_nothing_says_the_clock_is_behind(monkeypatch):
    doc = made_on(monkeypatch, datetime(2026, 12, 6, 7, 0))
    assert pcclock.clock_message(ent_confirmed("2026-12-06"), doc, datetime(2026, 12, 6, 8, 0)) == ""
    assert pcclock.clock_message(ent_confirmed("2026-12-06"), doc, datetime(2031, 1, 1)) == ""  # ahead: unknown


def test_a_clock_behind_the_ent_file_is_told_with_both_dates(monkeypatch):
    doc = made_on(monkeypatch, datetime(2025, 1, 15, 9, 0))  # a first launch on the wrong date
    said = plain(pcclock.clock_message(ent_confirmed("2026-12-06"), doc, datetime(2025, 1, 15, 10, 0)))
    assert said.startswith("La date de cet ordinateur semble fausse : il indique le 15/01/2025, alors que les "
                           "informations de l'assistant sur l'ENT ont été vérifiées le 06/12/2026.")
    assert "Nous vous conseillons de corriger la date et l'heure" in said


def test_a_clock_set_back_behind_what_was_recorded_is_told_but_not_a_summer_time_hour(data_dir, monkeypatch):
    monkeypatch.setattr("wizard.core.dates.clock", lambda: datetime(2027, 9, 3, 10, 0).timestamp())
    progress = Progress.open(ProgressStore(data_dir))
    progress.type_identity("name", "Collège A")
    progress.start_pass("nouvelle_annee")  # a pass started: a moment recorded
    ent = ent_confirmed("2019-06-27")
    assert pcclock.clock_message(ent, progress.doc, datetime(2027, 9, 3, 9, 0)) == ""  # an hour back: no proof
    said = plain(pcclock.clock_message(ent, progress.doc, datetime(2026, 9, 1, 10, 0)))
    assert "il indique le 01/09/2026, alors que l'assistant a déjà enregistré sur cet ordinateur une action datée du " \
           "03/09/2027" in said


# -- the PRONOTE server's date (HTTP `Date`), when the admin checks the server -----------------------------------
NOW = datetime(2026, 12, 7, 15, 0).timestamp()  # this PC's clock, local time


def test_a_server_a_year_apart_either_way_says_the_clock_is_wrong_with_both_dates():
    behind = plain(pcclock.server_clock_message("Tue, 07 Dec 2027 15:00:00 GMT", NOW, "pronote.example.fr"))
    assert behind.startswith("La date de cet ordinateur semble fausse : il indique le 07/12/2026, alors que le "
                             "serveur pronote.example.fr indique le 07/12/2027.")
    ahead = plain(pcclock.server_clock_message("Sat, 07 Dec 2024 15:00:00 GMT", NOW, "pronote.example.fr"))
    assert "indique le 07/12/2024" in ahead and "corriger la date et l'heure" in ahead


def test_hours_apart_or_an_unreadable_date_say_nothing():
    assert pcclock.server_clock_message("Mon, 07 Dec 2026 23:59:00 GMT", NOW, "h") == ""  # time zones, drift
    assert pcclock.server_clock_message("Mon, 07 Dec 2026 15:00:00 -0000", NOW, "h") == ""  # « -0000 »: UTC
    for header in ("", "yesterday", "Mon, 99 Foo 2026 25:61:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
                   "Mon, 01 Jan 0001 00:00:00 GMT", "\x00" * 40):
        message = pcclock.server_clock_message(header, NOW, "h")  # never an exception: a date a server sends
        assert message == "" or "semble fausse" in message
