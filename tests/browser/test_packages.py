"""The demo trainer exports a course in the CMS, imports it again and finds a draft copy; a broken package
gives a clear message."""

import re
import shutil
import sqlite3
import zipfile

import pytest

pytestmark = pytest.mark.browser


def _page_id(live_folder, slug: str) -> int:
    with sqlite3.connect(live_folder / "db.sqlite3") as database:
        return database.execute(
            "SELECT id FROM wagtailcore_page WHERE slug = ? ORDER BY path", (slug,)
        ).fetchone()[0]


def test_trainer_exports_and_imports_a_course(
    page, live_url, live_folder, seeded_database, log_in, tmp_path, axe_violations
):
    # The live server gets a copy of the seeded database; its images and documents come along here.
    shutil.copytree(seeded_database.parent / "media", live_folder / "media", dirs_exist_ok=True)
    log_in(page, "trainer@example.org")
    page.goto(f"{live_url}/admin/pages/{_page_id(live_folder, 'cursussen')}/")
    page.get_by_role("button", name=re.compile("Meer opties voor .Startcondities voor samenwerking")).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Exporteren").first.click()
    package = tmp_path / "startcondities.zip"
    download.value.save_as(package)
    assert "manifest.json" in zipfile.ZipFile(package).namelist()

    page.goto(f"{live_url}/admin/cursuspakketten/importeren/")
    assert axe_violations(page) == []
    page.get_by_label("Cursuspakket (.zip)").set_input_files(package)
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_load_state()
    assert "is geïmporteerd als concept" in page.content()
    assert "startcondities-voor-samenwerking-2" in page.content() or "Concept" in page.content()

    broken = tmp_path / "kapot.zip"
    broken.write_bytes(b"dit is geen zip")
    page.goto(f"{live_url}/admin/cursuspakketten/importeren/")
    page.get_by_label("Cursuspakket (.zip)").set_input_files(broken)
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_load_state()
    assert "kapot.zip: dit is geen zipbestand. Er is niets geïmporteerd." in page.content()
