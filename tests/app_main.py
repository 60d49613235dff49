"""The app as NiceGUI's `user` fixture starts it: settings come from the test's environment."""

from buurtoverleg.app import start
from buurtoverleg.instellingen import Instellingen
from tests.conftest import onthoud_app

start(Instellingen.uit_omgeving(), voor_start=onthoud_app)
