"""The bench's queues: awaiting packaging, packed waiting for a label, printed today, failed prints."""
