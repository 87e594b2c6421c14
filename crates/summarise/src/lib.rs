//! Extractive summaries and keywords.
