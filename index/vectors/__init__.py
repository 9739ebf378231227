"""The index on disk: encoding passages, the FAISS vector sets, building, freshness and live
rebuilds."""
