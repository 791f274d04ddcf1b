"""The rFBS parcels held at the seller's own carrier: the Queues page and the address dialog."""
