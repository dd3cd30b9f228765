"""Program.pinyin: the programs list sorts names in pinyin order (issue 12), not by code point."""
from django.db import migrations, models


def fill_pinyin(apps, schema_editor):
    """The programs stored before the field: their names' pinyin, as Program.save writes it."""
    from programs.models import pinyin_key

    Program = apps.get_model("programs", "Program")
    for program in Program.objects.only("pk", "name").iterator():
        Program.objects.filter(pk=program.pk).update(pinyin=pinyin_key(program.name))


class Migration(migrations.Migration):

    dependencies = [
        ('districts', '0002_load_gazetteer'),
        ('programs', '0002_target_groups'),
    ]

    operations = [
        migrations.AddField(
            model_name='program',
            name='pinyin',
            field=models.CharField(blank=True, editable=False, help_text="The name's pinyin with tones (pinyin_key), written on save: lists sort names by it.", max_length=400),
        ),
        migrations.RunPython(fill_pinyin, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='program',
            index=models.Index(fields=['pinyin', 'name'], name='program_pinyin_idx'),
        ),
    ]
