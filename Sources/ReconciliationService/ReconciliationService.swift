// ReconciliationService: the W3C Reconciliation Service API over the gazetteer.
