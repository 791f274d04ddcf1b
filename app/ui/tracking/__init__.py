"""The Tracking tab: parcels on their way, the ones needing a person first (app.services.tracking)."""
