"""Each step's page is found by its id: wizard/pages/<id>.py, the one StepPage there made for that step."""
import pytest

from wizard.core.steps import STEP_IDS
from wizard.pages import page_class


@pytest.mark.parametrize("step", STEP_IDS)
def test_each_step_has_one_page_made_for_it(step):
    page = page_class(step)
    assert page.step_id == step and page.__module__ == f"wizard.pages.{step}"
