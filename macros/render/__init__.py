"""Pure render functions: validated model in, Markdown/HTML/SVG strings out."""
