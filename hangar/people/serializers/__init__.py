"""Response serializers of the people domain (astronauts, crews, expeditions, spacewalks), one
per LL2 schema component and named after it. Each expects the queryset built for it in the
domain's query modules; none queries on its own (but for an astronaut whose planned flight began a
moment ago, see ``hangar.people.stats.as_of``)."""
