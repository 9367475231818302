"""Admin of the fundraising app, read-only, for system administrators.

System administrators manage accounts, not donors: donors' personal fields (PERSONAL_FIELDS), the donor named on a
gift or a pledge and the donor data copied on receipts are never shown here; donors appear by their code only.
Every write goes through the fundraising screens (fundraising/services.py), which check the rules and the role.
"""

from django.contrib import admin

from governance.admin import ScopedAdmin

from .models import (
    PERSONAL_FIELDS,
    Campaign,
    Designation,
    Donation,
    Donor,
    DonorMerge,
    Event,
    LegalBasis,
    Pledge,
    Receipt,
    ReceiptCounter,
    Transfer,
)


class ReadOnlyAdmin(ScopedAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.display(description="donatore")
def donor_code(obj):
    return obj.donor.code if obj.donor_id else "anonimo"


@admin.register(Donor)
class DonorAdmin(ReadOnlyAdmin):
    list_display = ["code", "kind", "segment", "district", "acquisition", "anonymised_at"]
    list_filter = ["kind", "segment", "acquisition", "district"]
    exclude = [*PERSONAL_FIELDS, "notes", "merged_into", "acquisition_campaign", "acquisition_event"]
    readonly_fields = ["code"]


@admin.register(Campaign)
class CampaignAdmin(ReadOnlyAdmin):
    list_display = ["name", "market", "channel", "start", "end", "goal", "costs"]
    list_filter = ["market", "channel"]


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["name", "date", "place", "campaign", "costs", "attendees"]
    list_filter = ["place"]


@admin.register(Designation)
class DesignationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "kind"]


@admin.register(Donation)
class DonationAdmin(ReadOnlyAdmin):
    list_display = ["pk", "date", donor_code, "amount", "gift_kind", "payment_method", "designation"]
    list_filter = ["gift_kind", "payment_method", "designation"]
    list_select_related = ["donor", "designation__district", "designation__action"]
    exclude = ["donor", "soft_credit", "notes", "reference"]
    readonly_fields = [donor_code]


@admin.register(Pledge)
class PledgeAdmin(ReadOnlyAdmin):
    list_display = ["pk", "date", donor_code, "amount", "designation"]
    list_select_related = ["donor", "designation__district", "designation__action"]
    exclude = ["donor", "notes"]
    readonly_fields = [donor_code]


@admin.register(Receipt)
class ReceiptAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "issued_on", "tax_benefit", "voided_at"]
    list_filter = ["year", "tax_benefit"]
    exclude = ["donor_name", "donor_fiscal_code", "donor_address"]


@admin.register(LegalBasis)
class LegalBasisAdmin(ReadOnlyAdmin):
    list_display = ["name", "applies_to", "valid_from", "valid_to", "illustrative"]


@admin.register(ReceiptCounter)
class ReceiptCounterAdmin(ReadOnlyAdmin):
    list_display = ["year", "last_number"]


@admin.register(Transfer)
class TransferAdmin(ReadOnlyAdmin):
    list_display = ["pk", "date", "designation", "holder", "action", "amount"]
    list_select_related = ["designation__district", "designation__action", "holder", "action"]


@admin.register(DonorMerge)
class DonorMergeAdmin(ReadOnlyAdmin):
    list_display = ["performed_at", "merged_code", "survivor_code", "performed_by"]
    exclude = ["survivor", "merged"]
    readonly_fields = ["merged_code", "survivor_code"]

    @admin.display(description="donatore unito")
    def merged_code(self, obj):
        return obj.merged.code

    @admin.display(description="donatore mantenuto")
    def survivor_code(self, obj):
        return obj.survivor.code
