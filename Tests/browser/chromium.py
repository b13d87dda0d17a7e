"""Headless Chromium through Selenium, shared by the browser tests and `make review-shots`."""
import os
import sys
import time

os.environ.setdefault("SE_AVOID_STATS", "true")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402

# name: (width, height, mobile) in CSS pixels
SIZES = {"desktop": (1280, 900, False), "phone": (390, 844, True)}


def find(names, paths):
    for name in names:
        for folder in paths:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
    sys.exit(f"cannot find any of {names}")


def make_driver(logging=True):
    options = Options()
    options.binary_location = find(["chromium", "chromium-browser", "google-chrome"], ["/usr/bin", "/usr/local/bin"])
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
                     "--window-size=1280,900", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-default-apps"]:
        options.add_argument(argument)
    if logging:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = None
    # chromedriver can exit at start-up on a busy machine (CI of 57e6398: "Service /usr/bin/chromedriver unexpectedly
    # exited. Status code was: 1" while the other lanes' browsers were starting): a new service on a new port is tried,
    # at most three times, before the error stands.
    for attempt in range(3):
        service = Service(find(["chromedriver"], ["/usr/bin", "/usr/lib/chromium", "/usr/local/bin"]))
        try:
            driver = webdriver.Chrome(service=service, options=options)
            break
        except WebDriverException as error:
            if attempt == 2 or "unexpectedly exited" not in str(error):
                raise
            print(f"chromedriver exited at start-up ({error.msg.strip()}); trying again", file=sys.stderr)
            time.sleep(2)
    driver.set_page_load_timeout(60)
    # axe-core on a long chapter takes seconds idle and far more on a busy 2-core machine (several browsers, a
    # build): these limits only stop a hung page or script; no check here is about speed.
    driver.set_script_timeout(180)
    if logging:
        driver.execute_cdp_cmd("Network.enable", {})
    return driver


def set_size(driver, size):
    width, height, mobile = SIZES[size]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def set_theme(driver, theme):
    """Emulates `prefers-color-scheme: light` or `dark` (the site's stylesheet follows it)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": theme}]})


def site_pages(site):
    """Every page of a built site (`index.html` files), as paths relative to its root, sorted."""
    return sorted(os.path.relpath(os.path.join(folder, name), site)
                  for folder, _, names in os.walk(site) for name in names if name == "index.html")
