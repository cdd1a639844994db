from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import YEARLY_REPORT_PERMISSION


class YearlyReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(YEARLY_REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def yearly_report_menu_item():
    return YearlyReportMenuItem(
        _("Bilan pédagogique et financier"),
        reverse("reporting:choose_year"),
        icon_name="table",
        order=2,
    )


@hooks.register("register_permissions")
def yearly_report_permission():
    """Administrators give it to a group in Paramètres → Groupes (trainers need none)."""
    app_label, codename = YEARLY_REPORT_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
