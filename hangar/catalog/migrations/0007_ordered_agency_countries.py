# An agency's countries keep LL2's order: the relation's table, which Django made, becomes the
# table of the AgencyCountry model and gains a position. Rows held keep position 0, so their
# order stays as it was (by id) until the next import of the agency says otherwise.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0006_people_events_dashboard'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AgencyCountry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='country_links', to='catalog.agency')),
                        ('country', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='catalog.country')),
                    ],
                    options={
                        'db_table': 'catalog_agency_countries',
                        'ordering': ['id'],
                        'unique_together': {('agency', 'country')},
                    },
                ),
                migrations.AlterField(
                    model_name='agency',
                    name='countries',
                    field=models.ManyToManyField(blank=True, related_name='agencies', through='catalog.AgencyCountry', to='catalog.country'),
                ),
            ],
        ),
        migrations.AddField(
            model_name='agencycountry',
            name='position',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AlterModelOptions(
            name='agencycountry',
            options={'ordering': ['position', 'id']},
        ),
    ]
