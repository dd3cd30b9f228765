"""English names and map coordinates on every district, filled from the gazetteer."""
from django.db import migrations, models


def load(apps, schema_editor):
    from districts.gazetteer import sync_districts

    sync_districts(apps.get_model("districts", "District"))


class Migration(migrations.Migration):
    dependencies = [("districts", "0002_load_gazetteer")]
    operations = [
        migrations.AddField(
            model_name="district", name="name_en",
            field=models.CharField(blank=True, help_text="Fengtai District.", max_length=120, verbose_name="English name"),
        ),
        migrations.AddField(
            model_name="district", name="city_en",
            field=models.CharField(blank=True, help_text="Changchun.", max_length=120, verbose_name="English city name"),
        ),
        migrations.AddField(
            model_name="district", name="province_en",
            field=models.CharField(blank=True, help_text="Beijing.", max_length=60, verbose_name="English province name"),
        ),
        migrations.AddField(
            model_name="district", name="longitude",
            field=models.FloatField(blank=True, null=True, verbose_name="longitude"),
        ),
        migrations.AddField(
            model_name="district", name="latitude",
            field=models.FloatField(blank=True, null=True, verbose_name="latitude"),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
