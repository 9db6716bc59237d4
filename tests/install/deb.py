#!/usr/bin/python3
"""The Debian packages (`make package`, CPack DEB), installed the way dpkg installs them.

Builds accord and accord-dev into a scratch folder with cpack, then installs them with the
real `dpkg -i` into a scratch root (`dpkg --root`) whose package database is a copy of this
machine's (status and file lists): dpkg checks the Depends against the packages really
installed here and unpacks the files into the scratch root, whose binaries run against this
machine's shared libraries. The machine's own dpkg database and / are never written, so the
test cannot break the machine and needs no clean-up beyond its temporary folder, which is
removed whatever happens. Triggers (man-db's index) are not run in the scratch root.
Checked: every shared library the binaries need comes from a package named in Depends; the
same install into a root with no packages is refused for those Depends; the installed
`accord --version` and an import of data/ work; man page and completion are in place;
`dpkg -r` removes every file."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile


def run(cmd, ok=(0,), **kw):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode not in ok:
        sys.exit(f"FAILED ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}")
    return proc


def scratch_root(path, copy_packages):
    admin = os.path.join(path, "var/lib/dpkg")
    for sub in ("info", "updates", "triggers"):
        os.makedirs(os.path.join(admin, sub))
    status = os.path.join(admin, "status")
    if copy_packages:
        shutil.copy("/var/lib/dpkg/status", status)
        for name in ("arch", "diversions", "statoverride"):
            if os.path.exists(f"/var/lib/dpkg/{name}"):
                shutil.copy(f"/var/lib/dpkg/{name}", admin)
        for lst in glob.glob("/var/lib/dpkg/info/*.list"):
            shutil.copy(lst, os.path.join(admin, "info"))
    else:
        open(status, "w").close()
    return ["dpkg", f"--root={path}", "--no-triggers"] + ([] if os.geteuid() == 0 else ["--force-not-root"])


def package_of(library):
    proc = run(["dpkg", "-S", os.path.realpath(library)], ok=(0, 1))
    if proc.returncode != 0:
        proc = run(["dpkg", "-S", library])
    return proc.stdout.split(":")[0].strip()


def main():
    build, root = sys.argv[1:3]
    problems = []
    with tempfile.TemporaryDirectory(prefix="accord-deb-") as tmp:
        out_dir = os.path.join(tmp, "packages")
        run(["cpack", "-G", "DEB", "-B", out_dir, "--config", os.path.join(build, "CPackConfig.cmake")], cwd=build)
        debs = {re.match(r"(accord(?:-dev)?)_", os.path.basename(p)).group(1): p
                for p in glob.glob(os.path.join(out_dir, "*.deb"))}
        if set(debs) != {"accord", "accord-dev"}:
            sys.exit(f"expected accord and accord-dev packages, got {sorted(debs)}")
        depends = run(["dpkg-deb", "-f", debs["accord"], "Depends"]).stdout.strip()
        depend_names = {d.strip().split()[0] for d in depends.split(",")}
        print(f"accord Depends: {depends}")
        for name, synopsis in (("accord", "command-line tools for the records of cyber-policy dialogues"),
                               ("accord-dev", "C++ library for the records of cyber-policy dialogues")):
            description = run(["dpkg-deb", "-f", debs[name], "Description"]).stdout
            if description.splitlines()[0] != synopsis or len(description.splitlines()) < 2:
                problems.append(f"{name}: Description {description!r}")

        sysroot = os.path.join(tmp, "root")
        dpkg = scratch_root(sysroot, copy_packages=True)
        run(dpkg + ["-i", debs["accord"], debs["accord-dev"]])
        if "Status: install ok installed" not in run(dpkg + ["-s", "accord"]).stdout:
            problems.append("accord is not 'install ok installed' after dpkg -i")
        bin_dir = os.path.join(sysroot, "usr/bin")
        accord = os.path.join(bin_dir, "accord")

        if ".debug_info" in run(["objdump", "-h", accord]).stdout:
            problems.append("the packaged accord is not stripped")
        # Depends covers every shared library a binary needs (dpkg-shlibdeps did its job).
        ldd = run(["ldd", accord]).stdout
        needed = re.findall(r"NEEDED\s+(\S+)", run(["objdump", "-p", accord]).stdout)
        for soname in needed:
            m = re.search(rf"^\s*{re.escape(soname)} => (\S+)", ldd, re.M)
            if not m:
                problems.append(f"{soname}: not found by ldd")
                continue
            pkg = package_of(m.group(1))
            if pkg not in depend_names:
                problems.append(f"accord needs {soname} from {pkg}, which Depends does not name")
        # ... and dpkg holds to it: into a root where nothing is installed, the install is refused.
        empty = os.path.join(tmp, "empty-root")
        refused = run(scratch_root(empty, copy_packages=False) + ["-i", debs["accord"]], ok=(1,))
        if "dependency problems" not in refused.stderr:
            problems.append(f"no dependency problem reported in an empty root: {refused.stderr}")

        env = {"PATH": bin_dir + os.pathsep + "/usr/bin:/bin", "HOME": tmp, "LC_ALL": "C.UTF-8", "NO_COLOR": "1"}
        version = run([accord, "--version"], env=env).stdout
        if not re.fullmatch(r"accord \d+\.\d+\.\d+ \(database schema \d+\)\n", version):
            problems.append(f"accord --version printed {version!r}")
        db = os.path.join(tmp, "records.db")
        imported = run([os.path.join(bin_dir, "accord-import"), "--db", db, os.path.join(root, "data")], env=env)
        if "inserted" not in imported.stdout:
            problems.append(f"import of data/ printed {imported.stdout!r}")
        again = run([accord, "import", "--db", db, os.path.join(root, "data")], env=env)
        if "nothing changed" not in again.stdout:
            problems.append(f"re-import of data/ printed {again.stdout!r}")
        for path in ("usr/share/man/man1/accord.1", "usr/share/man/man1/accord-import.1",
                     "usr/share/bash-completion/completions/accord", "usr/include/accord/store/store.hpp",
                     "usr/lib/cmake/accord/accordConfig.cmake"):
            if not glob.glob(os.path.join(sysroot, path)) and not glob.glob(
                    os.path.join(sysroot, path.replace("usr/lib/", "usr/lib/*/"))):
                problems.append(f"not installed: /{path}")

        files = [l for l in run(dpkg + ["-L", "accord"]).stdout.splitlines()
                 if os.path.isfile(os.path.join(sysroot, l.lstrip("/")))]
        run(dpkg + ["-r", "accord-dev", "accord"])
        left = [f for f in files if os.path.exists(os.path.join(sysroot, f.lstrip("/")))]
        if left:
            problems.append(f"dpkg -r left {left}")
        if "install ok installed" in run(dpkg + ["-s", "accord"], ok=(0, 1)).stdout:
            problems.append("accord still installed after dpkg -r")
        print(f"installed {len(files)} files of accord into {sysroot}, ran them, removed them")
    if problems:
        sys.exit("\n".join(problems))
    print("ok")


if __name__ == "__main__":
    main()
