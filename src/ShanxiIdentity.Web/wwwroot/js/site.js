// Site-wide scripts live here; pages add their own files (no inline scripts, for the CSP).
