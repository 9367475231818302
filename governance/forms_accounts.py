"""The one form of a user: identity, role, organisation and districts together (for the system administrator)."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from .enums import DISTRICT_ROLES, Role
from .models import District, Organisation


class AccountForm(forms.ModelForm):
    role = forms.ChoiceField(
        label="Ruolo nel programma",
        choices=[("", "Nessun ruolo (nessun accesso ai dati)"), *Role.choices],
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label="Organizzazione", queryset=Organisation.objects.order_by("name"), required=False
    )
    districts = forms.ModelMultipleChoiceField(
        label="Ambiti",
        queryset=District.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Solo per Ufficio di Piano e Coordinatore: gli ambiti di cui vede e scrive i dati. "
            "Per gli altri ruoli non si registrano ambiti."
        ),
    )
    system_admin = forms.BooleanField(
        label="Amministratore di sistema",
        required=False,
        help_text="Accede all'amministrazione di sistema (dati di riferimento, utenti). Mai i dati identificativi.",
    )

    class Meta:
        model = get_user_model()
        fields = ["username", "first_name", "last_name", "email", "is_active"]
        labels = {"username": "Nome utente", "first_name": "Nome", "last_name": "Cognome", "email": "E-mail"}
        help_texts = {
            "username": "Lettere, cifre e i simboli @ . + - _ (ad esempio nome.cognome).",
            "is_active": "Un utente non attivo non può accedere; i suoi dati e la sua storia restano.",
        }

    def __init__(self, *args, role: str = "", organisation=None, districts=(), system_admin=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["is_active"].label = "Attivo"
        self.fields["email"].required = True
        self.fields["email"].help_text = "Serve per impostare la password («Password dimenticata?») e per gli avvisi."
        self.fields["role"].initial = role
        self.fields["organisation"].initial = organisation
        self.fields["districts"].initial = list(districts)
        self.fields["system_admin"].initial = system_admin

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        districts = cleaned.get("districts") or []
        if role in DISTRICT_ROLES and not districts:
            self.add_error("districts", "Per questo ruolo indicare almeno un ambito.")
        if role == Role.PARTNER and not cleaned.get("organisation"):
            self.add_error("organisation", "Il referente di un partner va collegato alla sua organizzazione.")
        return cleaned


class AccountFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Cerca", method="search")
    role = django_filters.ChoiceFilter(
        label="Ruolo", choices=Role.choices, field_name="groups__name", empty_label="Tutti"
    )
    district = django_filters.ModelChoiceFilter(
        label="Ambito", field_name="profile__districts", queryset=District.objects.all(), empty_label="Tutti"
    )
    is_active = django_filters.BooleanFilter(
        label="Attivo", widget=forms.Select(choices=[("", "Tutti"), ("true", "Sì"), ("false", "No")])
    )
    order = django_filters.OrderingFilter(
        label="Ordina per",
        empty_label="Predefinito",
        fields=(("username", "username"), ("last_name", "last_name"), ("last_login", "last_login")),
        field_labels={"username": "nome utente", "last_name": "cognome", "last_login": "ultimo accesso"},
    )

    class Meta:
        model = get_user_model()
        fields = ["q", "role", "district", "is_active"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(username__icontains=value)
            | Q(first_name__icontains=value)
            | Q(last_name__icontains=value)
            | Q(email__icontains=value)
            | Q(profile__organisation__name__icontains=value)
        )
