"""The app as NiceGUI's `user` fixture starts it: settings come from the test's environment."""

from buurtoverleg.app import start
from buurtoverleg.instellingen import Instellingen

start(Instellingen.uit_omgeving())
