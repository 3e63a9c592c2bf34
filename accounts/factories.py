import factory

from .models import Organisation, Sector, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    sector = Sector.SOCIAL
    is_platform_member = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", "samenwerken")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()

    @factory.post_generation
    def email_verified(self, create, extracted, **kwargs):
        """A confirmed address, as every account that can log in has (verification is mandatory);
        `UserFactory(email_verified=False)` for one that has not confirmed it yet."""
        if create:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.update_or_create(
                user=self, email=self.email, defaults={"verified": extracted is not False, "primary": True}
            )
