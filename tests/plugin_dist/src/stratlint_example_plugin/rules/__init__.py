"""The plugin's rule pack: stratlint reads every *.yaml file in this module's folder."""
