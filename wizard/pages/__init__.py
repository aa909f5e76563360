"""One page per step of the flow: `wizard/pages/<step id>.py` holds the step's page, the one StepPage there whose
`step_id` is that id; the module is imported when the page is first needed."""
from __future__ import annotations

from importlib import import_module

from wizard.core.progress import Progress
from wizard.pages.base import StepPage


def page_class(step_id: str) -> type[StepPage]:
    module = import_module(f"wizard.pages.{step_id}")
    (page,) = [value for value in vars(module).values()
               if isinstance(value, type) and issubclass(value, StepPage) and value.step_id == step_id]
    return page


def build_page(step_id: str, progress: Progress) -> StepPage:
    return page_class(step_id)(progress)
