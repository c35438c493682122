"""Review tools beside the build: baocao diff (money and words between versions), baocao text."""
