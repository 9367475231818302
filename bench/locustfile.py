"""Locust scenario for the load test (run by `python -m bench.load`, which starts gunicorn and prints the figures).

Each simulated user logs in as one demo role and browses like staff do: lists, a record's detail page, a report,
and the empty form of a new record. Requests are named "<kind>: <page>" (kind = list, detail, report, form) so the
figures can be read per kind. A request that answers anything but 200 counts as an error.
"""

import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = os.environ.get("WELLFARE_DEMO_PASSWORD", "legami-demo-2018")
PATTO_LINK = re.compile(r'href="/patti/(\d+)/"')
MEETING_LINK = re.compile(r'href="/governance/meetings/(\d+)/"')
EXPENSE_LINK = re.compile(r'href="/governance/budget/expenses/(\d+)/"')


class Staff(HttpUser):
    abstract = True
    username = ""
    wait_time = between(0.5, 2)

    def on_start(self):
        self.client.get("/accounts/login/", name="form: login")
        token = self.client.cookies.get("csrftoken", "")
        response = self.client.post(
            "/accounts/login/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="login",
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"{self.username}: login answered {response.status_code}")
        self.ids = {}

    def page(self, kind, name, url):
        with self.client.get(url, name=f"{kind}: {name}", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            return response.text if response.status_code == 200 else ""

    def list_then_detail(self, name, list_url, pattern, detail_url):
        html = self.page("list", name, list_url)
        found = pattern.findall(html)
        if found:
            self.page("detail", name, detail_url.format(random.choice(found)))  # noqa: S311 - load-test sampling


class Direzione(Staff):
    username = "direzione"
    weight = 2

    @task(3)
    def pacts(self):
        self.list_then_detail("patti", "/patti/", PATTO_LINK, "/patti/{}/")

    @task(3)
    def meetings(self):
        self.list_then_detail("incontri", "/governance/meetings/", MEETING_LINK, "/governance/meetings/{}/")

    @task(2)
    def dashboard(self):
        self.page("report", "cruscotto", "/")

    @task(1)
    def budget_report(self):
        self.page("report", "budget", "/governance/reports/budget/")

    @task(1)
    def pact_report(self):
        self.page("report", "patti", "/patti/reports/")

    @task(1)
    def new_meeting(self):
        self.page("form", "nuovo incontro", "/governance/meetings/new/")


class UfficioDiPiano(Staff):
    username = "udp.cremonese"
    weight = 3

    @task(4)
    def pacts(self):
        self.list_then_detail("patti", "/patti/", PATTO_LINK, "/patti/{}/")

    @task(2)
    def households(self):
        self.page("list", "nuclei", "/patti/households/")

    @task(2)
    def meetings(self):
        self.list_then_detail("incontri", "/governance/meetings/", MEETING_LINK, "/governance/meetings/{}/")

    @task(1)
    def new_pact(self):
        self.page("form", "nuovo patto", "/patti/new/")

    @task(1)
    def pact_report(self):
        self.page("report", "patti", "/patti/reports/")


class Coordinatore(Staff):
    username = "coordinatore"
    weight = 3

    @task(4)
    def pacts(self):
        self.list_then_detail("patti", "/patti/", PATTO_LINK, "/patti/{}/")

    @task(1)
    def new_household(self):
        self.page("form", "nuovo nucleo", "/patti/households/new/")

    @task(1)
    def dashboard(self):
        self.page("report", "cruscotto", "/")


class Amministrazione(Staff):
    username = "amministrazione"
    weight = 2

    @task(3)
    def expenses(self):
        self.list_then_detail("spese", "/governance/budget/expenses/", EXPENSE_LINK, "/governance/budget/expenses/{}/")

    @task(2)
    def budget_report(self):
        self.page("report", "budget", "/governance/reports/budget/")

    @task(1)
    def new_expense(self):
        self.page("form", "nuova spesa", "/governance/budget/expenses/new/")
