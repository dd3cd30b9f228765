"""The public research pages, one module per page or pair of pages (README, "What is where")."""
