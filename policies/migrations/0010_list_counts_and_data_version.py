"""The data version and the lists' cached counts keyed by it (talentkb.lists.counts)."""
from django.db import migrations, models


def first_version(apps, schema_editor):
    apps.get_model("policies", "DataVersion").objects.get_or_create(pk=1, defaults={"number": 1})


class Migration(migrations.Migration):

    dependencies = [
        ('policies', '0009_merge'),
    ]

    operations = [
        migrations.CreateModel(
            name='DataVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.BigIntegerField(default=1)),
            ],
            options={
                'constraints': [models.CheckConstraint(condition=models.Q(('id', 1)), name='dataversion_single_row')],
            },
        ),
        migrations.CreateModel(
            name='ListCount',
            fields=[
                ('key', models.CharField(help_text='SHA-256 of the list, its filters and language.', max_length=64, primary_key=True, serialize=False)),
                ('version', models.BigIntegerField(help_text='The data version the counts were made at.')),
                ('counts', models.TextField(help_text="JSON: the total and each facet's values with their counts.")),
            ],
            options={
                'indexes': [models.Index(fields=['version'], name='listcount_version_idx')],
            },
        ),
        migrations.RunPython(first_version, migrations.RunPython.noop),
    ]
