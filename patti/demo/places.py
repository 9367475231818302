"""Labels and places shared by the demo data of Action 1."""

DEMO_LABEL = "[DEMO]"
TOWNS = {
    "cremonese": ["Cremona", "Castelverde", "Pizzighettone", "Sospiro", "Vescovato"],
    "cremasco": ["Crema", "Offanengo", "Pandino", "Soncino", "Rivolta d'Adda"],
    "casalasco": ["Casalmaggiore", "Piadena Drizzona", "San Giovanni in Croce", "Rivarolo del Re"],
}
