"""Reading sources: files found and decoded, text views, sentences with offsets."""
