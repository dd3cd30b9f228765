"""Each program's newest article's date (Program.last_reported_on), for programs known before it was kept:
a program with no end, last reported years ago, is no longer called in force (programs.lifecycle)."""
from django.db import migrations
from django.db.models import Max

from programs.lifecycle import last_day


def fill(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    newest = Program.objects.annotate(newest=Max("mentions__article__published")).filter(newest__gt="")
    changed = []
    for program in newest.only("pk").iterator(chunk_size=2000):
        # Partial ISO dates compare as text ('2024' < '2024-05'), so the greatest is the newest.
        program.last_reported_on = last_day(program.newest)
        changed.append(program)
    Program.objects.bulk_update(changed, ["last_reported_on"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ("policies", "0019_constraint_messages"),
        ("programs", "0008_program_last_reported"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
