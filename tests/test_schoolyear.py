from datetime import date

from wizard.core.schoolyear import default_mode, describe_import, is_pre_rentree, school_year, school_year_label
from wizard.core.typography import plain


def test_school_year_boundary():
    assert school_year(date(2026, 8, 27)) == 2026
    assert school_year(date(2027, 7, 31)) == 2026
    assert school_year_label(date(2026, 11, 28)) == "2026-2027"


def test_pre_rentree_window():
    assert is_pre_rentree(date(2026, 8, 28)) and is_pre_rentree(date(2026, 9, 1))
    assert not is_pre_rentree(date(2026, 11, 28)) and not is_pre_rentree(date(2026, 7, 1))


def test_default_mode_from_history():
    history = [{"date": "2025-08-27T08:39:00", "mode": "complet"}]
    assert default_mode(history, date(2026, 9, 2)) == "complet"  # last full import was last year
    history.append({"date": "2026-08-27T08:39:00", "mode": "complet", "reported_count": 1575})
    assert default_mode(history, date(2026, 11, 28)) == "partiel"
    assert plain(describe_import(history[-1])) == "Dernier import : 27/08/2026 en mode complet, 1575 identifiants"
