"""Sharing a case through the site: who may, drafts, submitting, bad input, images, other people's cases."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from cases.factories import CasePageFactory
from cases.models import CasePage, CaseSubmission
from cases.selectors import CaseStatus, case_status

pytestmark = pytest.mark.django_db

SHARE = "/praktijkvoorbeelden/delen/"
MINE = "/praktijkvoorbeelden/mijn/"


def edit_url(case):
    return f"/praktijkvoorbeelden/delen/{case.pk}/"


def preview_url(case):
    return f"/praktijkvoorbeelden/delen/{case.pk}/voorbeeld/"


# --------------------------------------------------------------------------- who may share


def test_anonymous_visitors_see_how_to_take_part(client, index):
    response = client.get(SHARE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "How to take part" in html or "Zo doe je mee" in html
    assert 'name="title"' not in html
    assert "/accounts/login/?next=" in html


def test_users_of_non_member_organisations_see_how_to_take_part_and_cannot_post(client, index, outsider):
    client.force_login(outsider)
    response = client.get(SHARE)
    assert 'name="title"' not in response.content.decode()
    assert "Bouwbedrijf Buiten" in response.content.decode()
    response = client.post(SHARE, {"title": "Poging", "save": "draft"})
    assert response.status_code == 403
    assert not CasePage.objects.exists()


def test_a_member_gets_the_form(member_client, index, factors):
    html = member_client.get(SHARE).content.decode()
    assert 'name="title"' in html and 'enctype="multipart/form-data"' in html
    assert "Startcondities en gedragsafspraken" in html
    assert 'name="submit"' in html and 'name="save"' in html


def test_my_cases_asks_anonymous_visitors_to_log_in(client, index):
    response = client.get(MINE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/praktijkvoorbeelden/mijn/")


# --------------------------------------------------------------------------- drafts and submissions


def test_a_draft_needs_only_a_title_and_can_be_finished_later(member_client, member, index):
    response = member_client.post(SHARE, {"title": "Half af", "context": "Eerste alinea.", "save": "draft"})
    case = CasePage.objects.get()
    assert response.status_code == 302 and response["Location"] == edit_url(case)
    assert not case.live and case.owner == member and case.submitted_by == member
    assert case.submitting_organisation == member.organisation
    assert case.context == "<p>Eerste alinea.</p>"
    assert case_status(case=case).status == CaseStatus.DRAFT
    assert not WorkflowState.objects.exists()
    html = member_client.get(edit_url(case)).content.decode()
    assert 'value="Half af"' in html and "Eerste alinea." in html
    # Not visible to the public.
    assert member_client.get(case.url).status_code == 404


def test_submitting_sends_the_case_to_the_moderators(member_client, member, index, case_form_data, factors):
    response = member_client.post(SHARE, {**case_form_data, "submit": "review"})
    assert response.status_code == 302 and response["Location"] == MINE
    case = CasePage.objects.get()
    assert not case.live
    assert case.challenge == "<p>Het overleg liep <strong>vast</strong>.</p>"
    assert case.context == "<p>Wijkteams en aanbieders werken samen.</p>\n\n<p>Sinds 2015.</p>"
    assert 'rel="noopener noreferrer nofollow"' in case.lessons_learned
    assert set(case.success_factors.all()) == {factors[1], factors[2]}
    state = WorkflowState.objects.get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Praktijkvoorbeeld beoordelen"
    assert state.requested_by == member
    assert CaseSubmission.objects.filter(case=case, submitted_by=member).count() == 1
    html = member_client.get(MINE).content.decode()
    assert "Ketenaanpak jeugdhulp" in html
    assert "case-status--in-beoordeling" in html


def test_a_case_in_review_cannot_be_edited(member_client, index, case_form_data):
    member_client.post(SHARE, {**case_form_data, "submit": "review"})
    case = CasePage.objects.get()
    response = member_client.get(edit_url(case))
    assert 'name="title"' not in response.content.decode()
    response = member_client.post(edit_url(case), {**case_form_data, "title": "Stiekem", "save": "draft"})
    assert 'name="title"' not in response.content.decode()
    assert CasePage.objects.get().title == "Ketenaanpak jeugdhulp"


def test_missing_fields_on_submit_come_back_per_field_with_everything_kept(
    member_client, index, case_form_data
):
    data = {**case_form_data, "summary": "", "approach": "   ", "sector": "", "submit": "review"}
    response = member_client.post(SHARE, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not CasePage.objects.exists()
    form = response.context["form"]
    assert set(form.errors) == {"summary", "approach", "sector"}
    assert 'value="Ketenaanpak jeugdhulp"' in html
    assert "Gemeente Rivierstad\nZorggroep De Linde" in html
    assert (
        "&lt;p&gt;Het overleg liep &lt;strong&gt;vast&lt;/strong&gt;.&lt;/p&gt;" in html
    )  # typed value kept
    assert html.count('class="field__errors"') == 3


def test_other_peoples_drafts_and_previews_do_not_exist(client, index, member, other_member):
    case = CasePageFactory(parent=index, publish=False, submitted_by=other_member, owner=other_member)
    client.force_login(member)
    assert client.get(edit_url(case)).status_code == 404
    assert client.post(edit_url(case), {"title": "Overgenomen", "save": "draft"}).status_code == 404
    assert client.get(preview_url(case)).status_code == 404
    assert CasePage.objects.get(pk=case.pk).title != "Overgenomen"
    client.logout()
    assert client.get(preview_url(case)).status_code == 404
    assert client.get(edit_url(case)).status_code == 302  # to the login page


def test_the_owner_previews_the_draft(member_client, member, index):
    member_client.post(
        SHARE, {"title": "Mijn concept", "challenge": "<h2>Kop</h2><p>Tekst</p>", "save": "draft"}
    )
    case = CasePage.objects.get()
    html = member_client.get(preview_url(case)).content.decode()
    assert "Mijn concept" in html and "<h2>Kop</h2>" in html
    assert 'name="robots" content="noindex"' in html


def test_at_most_ten_submissions_a_day(member_client, member, index, case_form_data):
    case = CasePageFactory(parent=index, publish=False, submitted_by=member)
    CaseSubmission.objects.bulk_create([CaseSubmission(case=case, submitted_by=member) for _ in range(10)])
    response = member_client.post(SHARE, {**case_form_data, "submit": "review"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "10" in str(response.context["form"].non_field_errors())
    assert 'value="Ketenaanpak jeugdhulp"' in html
    assert CasePage.objects.count() == 1
    # Saving it as a draft still works.
    assert member_client.post(SHARE, {**case_form_data, "save": "draft"}).status_code == 302
    assert CasePage.objects.count() == 2


def test_published_cases_are_not_edited_through_the_form(member_client, member, index):
    case = CasePageFactory(parent=index, submitted_by=member)
    response = member_client.get(edit_url(case))
    assert 'name="title"' not in response.content.decode()
    assert case.url in response.content.decode()


# --------------------------------------------------------------------------- images


def test_an_image_is_stored_clean_with_its_alternative_text(member_client, member, index, make_image):
    upload = SimpleUploadedFile("vakantie.jpg", make_image("JPEG", size=(120, 90)), content_type="image/jpeg")
    response = member_client.post(
        SHARE,
        {"title": "Met foto", "image": upload, "image_alt_text": "Vier mensen aan tafel", "save": "draft"},
    )
    assert response.status_code == 302
    case = CasePage.objects.get()
    (item,) = case.gallery_images.all()
    assert item.alt_text == "Vier mensen aan tafel"
    assert item.image.uploaded_by_user == member
    assert item.image.description == "Vier mensen aan tafel"
    assert item.image.collection.name == "Praktijkvoorbeelden"
    assert item.image.file.name.endswith(".jpg") and "vakantie" not in item.image.file.name
    assert (item.image.width, item.image.height) == (120, 90)


def test_an_image_without_alternative_text_is_refused_but_kept(member_client, index, make_image):
    upload = SimpleUploadedFile("kaart.png", make_image("PNG"), content_type="image/png")
    response = member_client.post(SHARE, {"title": "Met kaart", "image": upload, "save": "draft"})
    assert response.status_code == 200
    form = response.context["form"]
    assert "image_alt_text" in form.errors
    assert form.kept_image is not None
    token = form.data["pending_image"]
    assert token in response.content.decode()
    assert "has been kept" in response.content.decode() or "bewaard" in response.content.decode()
    # The second attempt carries the kept image along without choosing the file again.
    response = member_client.post(
        SHARE,
        {
            "title": "Met kaart",
            "pending_image": token,
            "image_alt_text": "Kaart van de regio",
            "save": "draft",
        },
    )
    assert response.status_code == 302
    (item,) = CasePage.objects.get().gallery_images.all()
    assert item.image.pk == form.kept_image.pk and item.alt_text == "Kaart van de regio"


def test_a_new_upload_replaces_the_kept_one_and_an_old_token_is_not_reused(member_client, index, make_image):
    first = SimpleUploadedFile("eerste.png", make_image("PNG"), content_type="image/png")
    token = (
        member_client.post(SHARE, {"title": "", "image": first, "save": "draft"})
        .context["form"]
        .data["pending_image"]
    )
    second = SimpleUploadedFile("tweede.png", make_image("PNG", size=(30, 20)), content_type="image/png")
    response = member_client.post(
        SHARE,
        {
            "title": "Beeld",
            "pending_image": token,
            "image": second,
            "image_alt_text": "Tweede",
            "save": "draft",
        },
    )
    assert response.status_code == 302
    (image,) = get_image_model().objects.all()  # the first one is gone
    assert image.width == 30
    # The same form posted again (browser back) does not attach the first image, nor break the case.
    response = member_client.post(
        SHARE, {"title": "Nog eens", "pending_image": token, "image_alt_text": "x", "save": "draft"}
    )
    assert response.status_code == 302
    assert not CasePage.objects.get(title="Nog eens").gallery_images.exists()


def test_a_kept_image_token_of_someone_else_is_ignored(client, index, member, other_member, make_image):
    client.force_login(other_member)
    upload = SimpleUploadedFile("kaart.png", make_image("PNG"), content_type="image/png")
    token = (
        client.post(SHARE, {"title": "", "image": upload, "save": "draft"})
        .context["form"]
        .data["pending_image"]
    )
    client.force_login(member)
    response = client.post(
        SHARE, {"title": "Gekaapt", "pending_image": token, "image_alt_text": "x", "save": "draft"}
    )
    assert response.status_code == 302
    assert not CasePage.objects.get().gallery_images.exists()


def test_a_fake_image_comes_back_with_a_message_and_the_text_kept(member_client, index, case_form_data):
    upload = SimpleUploadedFile("foto.png", b"<svg onload=alert(1)></svg>", content_type="image/png")
    response = member_client.post(
        SHARE, {**case_form_data, "image": upload, "image_alt_text": "Een foto", "submit": "review"}
    )
    assert response.status_code == 200
    assert "image" in response.context["form"].errors
    assert 'value="Ketenaanpak jeugdhulp"' in response.content.decode()
    assert 'value="Een foto"' in response.content.decode()
    assert not CasePage.objects.exists()
    assert not get_image_model().objects.exists()


def test_an_image_can_be_removed_from_a_draft(member_client, member, index, make_image):
    upload = SimpleUploadedFile("a.png", make_image("PNG"), content_type="image/png")
    member_client.post(
        SHARE, {"title": "Met beeld", "image": upload, "image_alt_text": "Beeld", "save": "draft"}
    )
    case = CasePage.objects.get()
    item = case.gallery_images.get()
    html = member_client.get(edit_url(case)).content.decode()
    assert f'value="{item.pk}"' in html
    member_client.post(edit_url(case), {"title": "Met beeld", "remove_images": [item.pk], "save": "draft"})
    assert not CasePage.objects.get().gallery_images.exists()
    assert not get_image_model().objects.exists()


def test_at_most_four_images(member_client, member, index, make_image):
    for number in range(4):
        upload = SimpleUploadedFile(f"{number}.png", make_image("PNG"), content_type="image/png")
        url = edit_url(CasePage.objects.get()) if number else SHARE
        member_client.post(
            url,
            {"title": "Veel beeld", "image": upload, "image_alt_text": f"Beeld {number}", "save": "draft"},
        )
    case = CasePage.objects.get()
    assert case.gallery_images.count() == 4
    upload = SimpleUploadedFile("5.png", make_image("PNG"), content_type="image/png")
    response = member_client.post(
        edit_url(case), {"title": "Veel beeld", "image": upload, "image_alt_text": "Vijf", "save": "draft"}
    )
    assert "image" in response.context["form"].errors


def test_my_cases_page_queries_do_not_grow(
    member_client, member, index, case_form_data, django_assert_max_num_queries
):
    def add(count):
        for number in range(count):
            member_client.post(
                SHARE, {**case_form_data, "title": f"Eigen {count}-{number}", "submit": "review"}
            )
            CasePageFactory(parent=index, title=f"Gepubliceerd {count}-{number}", submitted_by=member)

    add(1)
    member_client.get(MINE)
    with django_assert_max_num_queries(20) as few:
        member_client.get(MINE)
    with_two = len(few.captured_queries)  # every request empties the query log: count now
    add(4)
    member_client.get(MINE)
    with django_assert_max_num_queries(with_two):
        html = member_client.get(MINE).content.decode()
    assert html.count("case-status--in-beoordeling") == 5 and html.count("case-status--gepubliceerd") == 5
