"""The field's formats: ICEWS, GDELT, POLECAT and PLOVER layouts, deduplication, aggregation, country code systems
and the codebook, all over the event store."""
