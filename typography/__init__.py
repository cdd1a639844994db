"""French typography for every HTML page and PDF the site renders (`typography.french`). It sits at
the bottom of the layers, beside `caching`: any app may typeset what it renders itself."""
