"""Issue 18 as people meet it: sign-up with verified membership, the CMS behind allauth with two-factor
authentication, the lockout after wrong passwords, and a coordinator's invitation. In a real browser,
with the mail the live server writes to files."""

import base64
import hashlib
import hmac
import re
import struct
import time
from email import policy
from email.parser import BytesParser
from urllib.parse import urlsplit

import pytest

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PASSWORD = "samenwerken"
NEW_PASSWORD = "Vijf-partners-aan-tafel-2026"
ORGANISATION = "Gemeente Rivierstad (voorbeeld)"


def snap(page, name: str) -> None:
    """A screenshot of one step, to look at afterwards (test-artifacts/security-<name>.png)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"security-{name}.png", full_page=True)


def mails_to(mailbox, address: str) -> list:
    # The file backend writes every message of a connection to one file, each followed by a line of dashes.
    found = []
    for path in sorted(mailbox.glob("*.log"), key=lambda p: p.stat().st_mtime):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                message = BytesParser(policy=policy.default).parsebytes(chunk.lstrip())
                if address in str(message["To"]):
                    found.append(message)
    return found


def link_in_last_mail(mailbox, live_url: str, address: str, pattern: str) -> str:
    """The link in the newest mail to `address` whose path matches `pattern`, on the live server."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        messages = mails_to(mailbox, address)
        if messages:
            body = messages[-1].get_body(preferencelist=("plain",)).get_content()
            for url in re.findall(r"https?://\S+", body):
                parts = urlsplit(url)
                if re.search(pattern, parts.path):
                    return live_url + parts.path + (f"?{parts.query}" if parts.query else "")
        time.sleep(0.3)
    pytest.fail(f"no mail to {address} with a link to {pattern}")


def totp(secret: str, *, at: float | None = None) -> str:
    """RFC 6238 as an authenticator app computes it: HMAC-SHA1 over the 30-second step, six digits."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def fill_login(page, email: str, password: str) -> None:
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()


def sign_up(page, live_url: str, email: str, *, organisation: str | None = None) -> None:
    if "/accounts/signup/" not in page.url:
        page.goto(live_url + "/accounts/signup/")
    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(NEW_PASSWORD)
    if organisation:
        page.get_by_label("Lidmaatschap aanvragen van").select_option(label=organisation)
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_load_state()


def confirm_address(page, mailbox, live_url: str, email: str) -> None:
    page.goto(link_in_last_mail(mailbox, live_url, email, r"^/accounts/confirm-email/"))
    page.get_by_role("button", name=re.compile("^Bevestig")).click()
    page.wait_for_load_state()


@pytest.fixture
def mailbox(live_folder):
    return live_folder / "mail"


def test_signup_with_a_membership_request_approved_by_the_coordinator(
    page, browser, live_url, log_in, mailbox, axe_violations
):
    email = "noor.bakker@elders.example"
    page.goto(live_url + "/accounts/signup/")
    snap(page, "1-signup-form")
    sign_up(page, live_url, email, organisation=ORGANISATION)
    # Mandatory verification: no way in before the address is confirmed.
    assert page.get_by_role("heading", level=1).is_visible()
    snap(page, "1-verification-sent")
    confirm_address(page, mailbox, live_url, email)
    snap(page, "1-confirmed")
    if "/accounts/login/" in page.url or page.get_by_role("button", name="Aanmelden").count():
        fill_login(page, email, NEW_PASSWORD)
    page.goto(live_url + "/accounts/profiel/")
    pending = page.locator(".membership-pending")
    assert f"{ORGANISATION}: aangevraagd, wacht op goedkeuring" in pending.inner_text()
    assert page.get_by_text("Je hoort bij geen organisatie").is_visible()
    assert axe_violations(page) == []
    snap(page, "1-profile-pending")

    coordinator = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900}).new_page()
    coordinator.set_default_timeout(10_000)
    log_in(coordinator, "coordinator@example.org")
    coordinator.goto(live_url + "/mijn/organisatie/")
    requests = coordinator.get_by_role("table", name="Aanvragen voor lidmaatschap")
    row = requests.get_by_role("row").filter(has_text=email)
    assert "Noor Bakker" in row.inner_text()
    assert axe_violations(coordinator) == []
    snap(coordinator, "1-coordinator-requests")
    row.get_by_role("button", name="Goedkeuren").click()
    coordinator.wait_for_load_state()
    assert coordinator.get_by_text("Noor Bakker is nu lid van je organisatie").is_visible()
    assert not coordinator.get_by_role("row").filter(has_text=email).count()
    snap(coordinator, "1-coordinator-approved")
    coordinator.context.close()

    page.reload()
    assert page.get_by_text(f"Je bent lid van {ORGANISATION}").is_visible()
    assert not page.locator(".membership-pending").count()
    assert f"{ORGANISATION} ·" in page.locator(".meta").first.inner_text()
    assert mails_to(mailbox, email)[-1]["Subject"]  # the decision is mailed too


def test_trainer_reaches_the_cms_through_the_site_login_and_adds_two_factor(page, live_url, mailbox):
    page.goto(live_url + "/admin/")
    assert urlsplit(page.url).path == "/accounts/login/"
    assert "next=%2Fadmin%2F" in page.url
    snap(page, "2-admin-login-form")
    fill_login(page, "trainer@example.org", PASSWORD)
    assert urlsplit(page.url).path == "/admin/"

    page.goto(live_url + "/accounts/profiel/")
    page.get_by_role("link", name="Tweestapsverificatie").click()
    snap(page, "2-mfa-index")
    page.get_by_role("link", name="Activeren").click()
    # allauth asks for the password again before a security setting changes.
    assert page.get_by_role("heading", level=1).inner_text() == "Toegang bevestigen"
    snap(page, "2-reauthenticate")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Bevestigen").click()
    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret)
    snap(page, "2-totp-activate")
    page.get_by_label("Verificatiecode").fill("000000" if totp(secret) != "000000" else "111111")
    page.get_by_role("button", name="Activeren").click()
    page.wait_for_load_state()
    snap(page, "2-totp-wrong-code")
    assert urlsplit(page.url).path == "/accounts/2fa/totp/activate/"
    activated_at = time.time()
    page.get_by_label("Verificatiecode").fill(totp(secret, at=activated_at))
    page.get_by_role("button", name="Activeren").click()
    page.wait_for_load_state()
    snap(page, "2-totp-activated")
    assert urlsplit(page.url).path != "/accounts/2fa/totp/activate/"

    page.get_by_role("button", name="Afmelden").first.click()
    page.wait_for_load_state()
    page.goto(live_url + "/admin/")
    fill_login(page, "trainer@example.org", PASSWORD)
    # The password alone is not enough now.
    assert urlsplit(page.url).path == "/accounts/2fa/authenticate/"
    page.goto(live_url + "/admin/")  # trying the CMS before the code leads back to the code
    assert urlsplit(page.url).path == "/accounts/2fa/authenticate/"
    snap(page, "2-totp-authenticate")
    page.get_by_label("Code").fill("123456" if totp(secret) != "123456" else "654321")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/accounts/2fa/authenticate/"
    # A code is accepted once: wait for the next step rather than reuse the one that activated the app.
    while int(time.time() // 30) == int(activated_at // 30):
        time.sleep(1)
    page.get_by_label("Code").fill(totp(secret))
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/admin/"
    snap(page, "2-cms-after-two-factor")


def test_six_wrong_passwords_lock_the_account_until_a_password_reset(page, live_url, mailbox):
    email = "deelnemer@example.org"
    page.goto(live_url + "/accounts/login/")
    for _attempt in range(6):
        fill_login(page, email, "niet-mijn-wachtwoord")
    lockout = page.get_by_text("Te veel mislukte")
    assert lockout.is_visible()
    assert "vijf minuten" in lockout.inner_text()
    snap(page, "3-locked-out")
    fill_login(page, email, PASSWORD)
    assert urlsplit(page.url).path == "/accounts/login/"
    assert page.get_by_text("Te veel mislukte").is_visible()

    page.get_by_role("link", name=re.compile("Wachtwoord vergeten", re.IGNORECASE)).click()
    snap(page, "3-reset-form")
    page.get_by_label("E-mail").fill(email)
    page.get_by_role("button", name=re.compile("wachtwoord", re.IGNORECASE)).click()
    page.wait_for_load_state()
    snap(page, "3-reset-sent")
    page.goto(link_in_last_mail(mailbox, live_url, email, r"^/accounts/password/reset/key/"))
    snap(page, "3-reset-new-password")
    page.get_by_label("Nieuw wachtwoord:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label(re.compile("Nieuw wachtwoord \\(")).fill(NEW_PASSWORD)
    page.get_by_role("button", name=re.compile("wachtwoord", re.IGNORECASE)).click()
    page.wait_for_load_state()
    snap(page, "3-reset-done")

    page.goto(live_url + "/accounts/login/")
    fill_login(page, email, PASSWORD)  # the old password is gone
    assert urlsplit(page.url).path == "/accounts/login/"
    fill_login(page, email, NEW_PASSWORD)
    assert urlsplit(page.url).path == "/mijn/"


def test_invited_colleague_signs_up_and_joins_with_one_click(page, browser, live_url, log_in, mailbox):
    email = "nieuwe.collega@elders.example"
    log_in(page, "coordinator@example.org")
    page.goto(live_url + "/mijn/organisatie/")
    page.get_by_label("E-mailadressen").fill(f"{email}\n")
    page.get_by_role("button", name="Uitnodigingen versturen").click()
    page.wait_for_load_state()
    assert page.get_by_text("1 uitnodiging is verstuurd").is_visible()
    assert page.get_by_role("listitem").filter(has_text=email).is_visible()
    snap(page, "4-invitation-sent")
    invitation = link_in_last_mail(mailbox, live_url, email, r"^/accounts/uitnodiging/")

    colleague = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900}).new_page()
    colleague.set_default_timeout(10_000)
    colleague.goto(invitation)
    assert colleague.get_by_role("heading", level=1).inner_text() == f"Lid worden van {ORGANISATION}"
    snap(colleague, "4-invitation-anonymous")
    colleague.locator("#main").get_by_role("link", name="Account aanmaken").click()
    sign_up(colleague, live_url, email)
    confirm_address(colleague, mailbox, live_url, email)
    colleague.goto(invitation)
    log_in_link = colleague.locator("#main").get_by_role("link", name="Aanmelden", exact=True)
    if log_in_link.count():
        log_in_link.click()
        fill_login(colleague, email, NEW_PASSWORD)
    assert urlsplit(colleague.url).path == urlsplit(invitation).path
    snap(colleague, "4-invitation-logged-in")
    colleague.get_by_role("button", name="Uitnodiging aannemen").click()
    colleague.wait_for_load_state()
    assert urlsplit(colleague.url).path == "/accounts/profiel/"
    assert colleague.get_by_text(f"Je bent lid van {ORGANISATION}").is_visible()
    snap(colleague, "4-member")
    # The link works once.
    colleague.goto(invitation)
    assert colleague.get_by_role("alert").is_visible()
    colleague.context.close()
