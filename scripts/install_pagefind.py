"""Install Pagefind's binary into the virtual environment (``make`` runs this once per venv).

Pagefind 1.6 searches a large index several times faster than 1.5 (a common word at 10,000
entries: about 25 against 120 ms; README, "Performance"), but it is published as a binary on
npm's registry only; PyPI's ``pagefind_bin`` stops at 1.5.2. This fetches the release for this
machine from the registry, checks it against the hash pinned below (npm's own ``integrity``),
and puts the binary where ``jobcentertjek.publish.search_index`` runs it from. No Node is needed.

To upgrade: set ``VERSION`` and each hash below, from
``npm view @pagefind/linux-x64@VERSION dist.integrity`` (and the other platforms).
"""

from __future__ import annotations

import base64
import hashlib
import io
import platform
import subprocess
import sys
import tarfile
import urllib.request

from jobcentertjek.publish.search_index import PAGEFIND

VERSION = "1.6.0"
PLATFORMS = {  # (platform.system(), platform.machine()) → npm's package for it
    ("Linux", "x86_64"): "linux-x64", ("Linux", "aarch64"): "linux-arm64",
    ("Darwin", "x86_64"): "darwin-x64", ("Darwin", "arm64"): "darwin-arm64",
    ("Windows", "AMD64"): "windows-x64", ("Windows", "ARM64"): "windows-arm64",
    ("FreeBSD", "amd64"): "freebsd-x64",
}
INTEGRITY = {  # npm's dist.integrity of @pagefind/<platform>@VERSION
    "linux-x64": "sha512-IbMSx/+Vr/Xk0TTBlLkjgK+rvnbOXGmmb2/MKxQu99AR5DsqQoV3NKEA9PQz2tAhuCZjeD5xJBp4w5N5DHIC7Q==",
    "linux-arm64": "sha512-SLB2I+XqCZma8NvIGIH8nyKblgKIxw5PmqsVtofWOKxNHhEtOEsddbqU+hsrNcT3EV0faM6UmKDHVIxcPYq29w==",
    "darwin-x64": "sha512-rd3ZbtuxyYqjASKZAPuIV7eeQQHJ7VYpoNKKG8CvglaD3g30eT5Nb7XGNLYwVReBsCccpkURwrGwWjSwr8nyQQ==",
    "darwin-arm64": "sha512-611gl64aqN12UcMyKPtZ8+vRWBKlJFSh2JgO8uScxa1Eyjo1dXz9r4wZuRno0yCUE/KN0FauEoKZ3KEwUYHCCg==",
    "windows-x64": "sha512-cUA2+yXfbymdJllyMjY5YTBwuOgh0/H53Pn5fYKjDnDjk154Ft4U5RVj3TenWySPL/jG6zJfARUWSlyUyXHlZw==",
    "windows-arm64": "sha512-wUrniW3REr7VWJHz6xE6F/p/AQgHDFpGZiY9sbWT71KfEijDE5Jnc37V8zc7cilV9h/QkwJGXoEP2+ZLwDmhtw==",
    "freebsd-x64": "sha512-d+sXqsaThszmPWGVDSRKqIz9GpZcj/bAksNZfg19asSxU0ogNPOMND4kV4giQvOjPFMsltUFf6hQJfoHQ6+hSQ==",
}
REGISTRY = "https://registry.npmjs.org"


def installed_version() -> str | None:
    try:
        done = subprocess.run([str(PAGEFIND), "--version"], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.split()[-1] if done.returncode == 0 and done.stdout.strip() else None


def main() -> int:
    if installed_version() == VERSION:
        return 0
    package = PLATFORMS.get((platform.system(), platform.machine()))
    if package is None:
        print(f"Pagefind {VERSION} has no binary for {platform.system()} {platform.machine()}; "
              f"put one at {PAGEFIND}.", file=sys.stderr)
        return 1
    url = f"{REGISTRY}/@pagefind/{package}/-/{package}-{VERSION}.tgz"
    with urllib.request.urlopen(url, timeout=120) as response:
        tarball = response.read()
    algorithm, expected = INTEGRITY[package].split("-", 1)
    if base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode() != expected:
        print(f"{url} does not match its pinned hash; nothing was installed.", file=sys.stderr)
        return 1
    member = f"package/bin/{PAGEFIND.name}"
    with tarfile.open(fileobj=io.BytesIO(tarball)) as archive:
        binary = archive.extractfile(member)
        if binary is None:
            print(f"{url} has no {member}; nothing was installed.", file=sys.stderr)
            return 1
        PAGEFIND.parent.mkdir(parents=True, exist_ok=True)
        partial = PAGEFIND.with_name(PAGEFIND.name + ".partial")
        partial.write_bytes(binary.read())
    partial.chmod(0o755)
    partial.replace(PAGEFIND)
    print(f"Pagefind {installed_version()} installed at {PAGEFIND}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
