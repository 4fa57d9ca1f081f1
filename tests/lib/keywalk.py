#!/usr/bin/env python3
"""The key walk (issue 16): on every screen, as the account a recipe names,
read the F1 page and press each key it lists; a key that does nothing fails.

    keywalk.py SMCON CONNINFO RECIPES [SCREEN...]

RECIPES is a tab-separated file (tests/screen/keywalk.tsv):
    SCREEN  ACCOUNT  PATH  [SETTINGS]
ACCOUNT may be LOGIN:PASSWORD (the password is otherwise "demo"); "-" walks
the login screen itself; "skip" keeps SCREEN out of the walk and PATH says
why. SETTINGS, when given, is a line of the console's configuration file
(-C) for this recipe, e.g. a short idle lock. PATH is how to reach SCREEN
from the main menu, as words separated by blanks:
    Enter, F5, C-u ...    tmux key names
    ~text                 typed as text (the ~ is dropped)
    @TEXT                 wait until TEXT is on the screen
(in ~ and @ words, %20 stands for a blank, as in a URL)
    =NAME                 wait until screen NAME is on top
$NAME in ACCOUNT and PATH is taken from the environment. With SCREEN
arguments, only those screens' recipes run. KEYWALK_JOBS consoles (3) run
at once, each recipe in a terminal of its own; the recipes of one desk
(rescue.*, complaint.* ...: the keys change the same records) run one after
the other, in the file's order.

What a key did is read from the console's key log (SMCON_KEY_LOG, see
src/ui/keylog.h). A key listed on F1 passes when the log shows that it
reached its screen and ran (handled, pop, quit or global; or own, the
screen's key handler, for a key that a text field would not take as text),
and, unless it only moves in a list, when something visible changed: the
screen's text, colours or cursor, or the screens open, or a question. After
each key the walk closes what the key opened; when the screen is not as it
was, it follows the recipe again from the start. Prints TAP.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import unquote

TMUX_KEY = {"Esc": "Escape", "PgUp": "PPage", "PgDn": "NPage", "Backspace": "BSpace",
            "Delete": "DC", "Insert": "IC"}
# keys a text field takes (src/ui/field.c field_key): as text or to edit
EDIT_KEYS = {"Space", "Left", "Right", "Home", "End", "Backspace", "Delete",
             "^A", "^E", "^B", "^F", "^U", "^K", "^W"}
OK_OUTCOMES = {"handled", "pop", "quit", "global"}
# actions that may rightly change nothing (at the top of a list, Up has
# nowhere to go); every other listed key must change what the operator sees
NAV_ACTIONS = {"up", "down", "page-up", "page-down", "first", "last", "redraw"}
COLS, ROWS = 200, 60


def split_keys(shown):
    """"Esc/q" -> ["Esc", "q"]; "/" alone is the slash key itself."""
    if shown == "/":
        return ["/"]
    keys = []
    for part in re.findall(r"(?:^|/)(/|[^/]+)", shown):
        keys.append(part)
    return keys


def body(shot):
    """A look but its status bar, whose clock moves (the line before the
    cursor's)."""
    lines = shot.rstrip("\n").split("\n")
    return "\n".join(lines[:-2] + lines[-1:])


class Console:
    """One console in a terminal of its own, and what its key log says."""
    serial = 0
    lock = threading.Lock()

    def __init__(self, smcon, conninfo):
        self.smcon, self.conninfo = smcon, conninfo
        with Console.lock:
            Console.serial += 1
            self.name = "keywalk-%d-%d" % (os.getpid(), Console.serial)
        self.log = os.path.join(tempfile.gettempdir(), self.name + ".log")
        self.sock = None
        self.starts = 0

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.sock, "-f", "/dev/null"] + list(args),
                              capture_output=True, text=True).stdout

    def capture(self):
        return self.tmux("capture-pane", "-p")

    def look(self):
        """What the operator sees: the text with its colours, and the cursor."""
        return self.tmux("capture-pane", "-p", "-e") + self.tmux(
            "display-message", "-p", "#{cursor_x},#{cursor_y},#{cursor_flag}")

    def stop(self):
        if self.sock:
            self.tmux("kill-server")
        for f in (self.log, self.log + ".conf"):
            if os.path.exists(f):
                os.unlink(f)

    def start(self, settings=""):
        """A fresh tmux server each time: one shutting down never answers."""
        if self.sock:
            self.tmux("kill-server")
        self.starts += 1
        self.sock = "%s-%d" % (self.name, self.starts)
        open(self.log, "w").close()
        conf = ""
        if settings:
            with open(self.log + ".conf", "w", encoding="utf-8") as f:
                f.write(settings + "\n")
            conf = "-C " + shlex.quote(self.log + ".conf")
        cmd = "env LANG=C.UTF-8 SMCON_KEY_LOG=%s %s -d %s %s; echo '<<exited>>'; sleep 600" % (
            shlex.quote(self.log), shlex.quote(self.smcon), shlex.quote(self.conninfo), conf)
        self.tmux("new-session", "-d", "-x", str(COLS), "-y", str(ROWS), cmd)
        self.tmux("set-option", "-g", "status", "off")
        self.seen, self.stack, self.dialogs, self.exited = 0, [], 0, False

    def read(self):
        """Reads new log lines; returns the key lines among them."""
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                lines = f.read().splitlines()
        except FileNotFoundError:
            lines = []
        keys = []
        for line in lines[self.seen:]:
            w = line.split()
            if not w:
                continue
            if w[0] == "open":
                self.stack = self.stack[:int(w[2]) - 1] + [w[1]]
            elif w[0] == "close":
                self.stack = self.stack[:int(w[2]) - 1]
                self.dialogs = 0
            elif w[0] == "dialog":
                self.dialogs = max(0, self.dialogs + (1 if w[1] == "open" else -1))
            elif w[0] == "key":
                keys.append(w)
        self.seen = len(lines)
        return keys

    def top(self):
        return self.stack[-1] if self.stack else None

    def until(self, cond, limit=10.0):
        end = time.time() + limit
        while True:
            if cond(self.read()):
                return True
            if time.time() > end:
                return False
            if "<<exited>>" in self.capture():
                self.exited = True
                return cond(self.read())
            time.sleep(0.02)

    def send(self, name):
        """Sends one key named as the action table names it."""
        if name.startswith("^"):
            self.tmux("send-keys", "C-" + name[1:].lower())
        elif len(name) > 1 and (name in TMUX_KEY or re.fullmatch(r"[A-Z][A-Za-z]*[0-9]*", name)):
            self.tmux("send-keys", TMUX_KEY.get(name, name))
        else:
            self.tmux("send-keys", "-l", "--", name)

    def press(self, name, limit=5.0):
        """Sends one key; returns its key log line, or None."""
        self.send(name)
        got = []

        def cond(keys):  # lines of keys sent before this one may still come
            got.extend(k for k in keys if k[2] == name)
            return bool(got)
        self.until(cond, limit)
        return got[0] if got else None

    def shows(self, text, limit=10.0):
        """Waits until text is on the screen above the status bar (whose
        clock shows today's date and whose account shows the login)."""
        end = time.time() + limit
        while text not in self.capture().rstrip("\n").rsplit("\n", 1)[0]:
            if time.time() > end:
                return False
            time.sleep(0.05)
        return True

    def settled(self, limit=5.0):
        """The look once nothing is loading (no 正在… on the screen) and
        three looks 0.1 s apart agree (or after limit)."""
        end = time.time() + limit
        last, same = self.look(), 0
        while time.time() < end:
            time.sleep(0.1)
            now = self.look()
            same = same + 1 if body(now) == body(last) and "正在" not in now else 0
            if same >= 2:
                return now
            last = now
        return last

    def changed(self, before, limit=3.0):
        """Waits until the look differs from before; returns whether it did."""
        end = time.time() + limit
        while body(self.look()) == body(before):
            if time.time() > end:
                return False
            time.sleep(0.05)
        return True


class Recipe:
    def __init__(self, screen, account, path, settings):
        self.screen, self.account, self.path, self.settings = screen, account, path, settings
        self.title = "%s as %s" % (screen, account) + (", %s" % path if path else "")
        self.results = []  # (ok, name, diag)

    def tap(self, ok, name, diag=""):
        self.results.append((ok, "%s: %s" % (self.title, name), diag))

    def reach(self, c):
        """Starts the console and follows the recipe: "" or why not."""
        account, _, password = os.path.expandvars(self.account).partition(":")
        c.start(self.settings)
        if not c.until(lambda k: c.top() == "login"):
            return "the login screen did not open"
        if account != "-":
            if not c.shows("密码"):
                return "no password field"
            c.tmux("send-keys", "Up", "C-u")
            c.tmux("send-keys", "-l", account)
            c.tmux("send-keys", "Down", "C-u")
            c.tmux("send-keys", "-l", password or "demo")
            c.tmux("send-keys", "Enter")
            if not c.until(lambda k: c.top() in ("menu", "password")):
                return "%s did not reach the menu" % account
        for word in os.path.expandvars(self.path).split():
            if word.startswith("~"):
                c.tmux("send-keys", "-l", "--", unquote(word[1:]))
            elif word.startswith("@"):
                if not c.shows(unquote(word[1:])):
                    return "'%s' never showed" % unquote(word[1:])
            elif word.startswith("="):
                if not c.until(lambda k: c.top() == word[1:]):
                    return "screen %s never opened (top: %s)" % (word[1:], c.top())
            else:
                c.tmux("send-keys", word)
            c.read()
        if not c.until(lambda k: c.top() == self.screen):
            return "the path ended on %s" % c.top()
        return ""

    def help_keys(self, c):
        """Opens F1 and reads what it lists: [(section, keys, label)], or
        None and why."""
        c.press("F1")
        if not c.until(lambda k: c.top() == "help"):
            return None, "F1 did not open the help page (top: %s)" % c.top()
        if not c.shows("所有页面"):
            return None, "the help page never showed its sections"
        shot = c.capture()
        rows, section = [], None
        for line in shot.split("\n"):
            if line.strip() == "本页":
                section = "screen"
            elif line.strip() == "所有页面":
                section = "global"
            else:
                m = re.match(r"^    (\S+)\s+(\S+)", line)
                if section and m:
                    rows.append((section, m.group(1), m.group(2)))
        c.press("Esc")
        if not c.until(lambda k: c.top() == self.screen):
            return None, "Esc did not close the help page"
        return rows, shot

    def restore(self, c, depth):
        """Closes what a key opened: questions, then screens above depth."""
        for _ in range(6):
            c.read()
            if c.exited:
                return
            if c.dialogs:
                c.press("Esc")
            elif len(c.stack) > depth:
                c.press("Esc")
                if c.dialogs:  # "discard what was typed?"
                    c.press("y")
            else:
                return

    def check(self, c, key, label, stack, dialogs, before, line):
        """Why the key failed, or ""."""
        if not line:
            return "no key reached the console"
        _, on, _, action, outcome = line[:5]
        if on != self.screen:
            return "the key reached %s" % on
        if outcome == "own" and (len(key) == 1 or key in EDIT_KEYS):
            return "listed, but taken as text"
        if outcome not in OK_OUTCOMES and outcome != "own":
            return "it did nothing (%s)" % outcome
        if action in NAV_ACTIONS or c.stack != stack or c.dialogs != dialogs or c.exited:
            return ""
        return "" if c.changed(before) else "nothing on the screen changed"

    def walk(self, smcon, conninfo, with_globals):
        c = Console(smcon, conninfo)
        try:
            self._walk(c, with_globals)
        finally:
            c.stop()

    def _walk(self, c, with_globals):
        why = self.reach(c)
        self.tap(not why, "reached", why)
        if why:
            return
        depth = len(c.stack)
        c.settled()  # F1 says what works once the screen has what it loads
        rows, shot = self.help_keys(c)
        self.tap(bool(rows) and any(r[0] == "screen" for r in rows), "F1 lists its keys", shot)
        if not rows:
            return
        listed = [(key, label) for section, shown, label in rows
                if section == "screen" or with_globals
                for key in split_keys(shown) if key != "F1"]
        # keys that leave the screen or the program last
        listed.sort(key=lambda t: (t[0] in ("F10", "^C"), t[0] in ("Esc", "q")))
        baseline = after = c.settled()
        for key, label in listed:
            if c.exited or c.top() != self.screen or len(c.stack) != depth or \
                    body(after) != body(baseline):
                why = self.reach(c)
                if why:
                    self.tap(False, "reached again for %s" % key, why)
                    return
                baseline = c.settled()
            before = c.look()
            stack, dialogs = list(c.stack), c.dialogs
            line = c.press(key)
            why = self.check(c, key, label, stack, dialogs, before, line)
            self.tap(not why, "%s (%s) works" % (key, label),
                     "%s; the key log: %s\nthe screen after:\n%s" % (
                         why, " ".join(line or ["-"]), c.capture()))
            if key == "F2":  # back to Chinese, which the help page is read in
                c.press("F2")
            if c.exited or (line and line[4] == "quit"):
                c.exited = True
                continue
            self.restore(c, depth)
            after = c.settled()


def main():
    smcon, conninfo, recipes_file = sys.argv[1:4]
    only = sys.argv[4:]
    recipes, results = [], []
    with open(recipes_file, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) not in (3, 4):
                results.append((False, "%s:%d: three or four tab-separated fields" % (
                    recipes_file, n), line))
                continue
            parts += [""] * (4 - len(parts))
            if parts[1] != "skip" and (not only or parts[0] in only):
                recipes.append(Recipe(*parts))
    for s in only:
        results.append((any(r.screen == s for r in recipes), "a recipe for %s" % s, ""))
    # the recipes of one desk (the screen name's first part) change the same
    # records: they run one after the other, in the file's order
    groups = {}
    for r in recipes:
        groups.setdefault(r.screen.split(".")[0], []).append(r)
    queue = list(groups.values())
    first = recipes[0] if recipes else None
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                group = queue.pop(0)
            for r in group:
                r.walk(smcon, conninfo, r is first)
    threads = [threading.Thread(target=worker)
               for _ in range(int(os.environ.get("KEYWALK_JOBS", "3")))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in recipes:
        results.extend(r.results)
    # within a shell test (tests/lib/keywalk.sh): numbered on from its
    # tests, the counts left in a file for its done_testing
    first = int(os.environ.get("KEYWALK_TAP_FROM", "1"))
    failed = 0
    out = []
    for n, (ok, name, diag) in enumerate(results, first):
        out.append("%s %d - %s" % ("ok" if ok else "not ok", n, name))
        if not ok:
            failed += 1
            for line in (diag or "").rstrip("\n").split("\n"):
                if line.strip():
                    out.append("# " + line.rstrip())
    print("\n".join(out))
    copy = os.environ.get("KEYWALK_TAP_COPY")  # for chasing a failure seen once
    if copy:
        with open(copy, "a", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    state = os.environ.get("KEYWALK_TAP_STATE")
    if state:
        with open(state, "w") as f:
            f.write("%d %d\n" % (len(results), failed))
    else:
        print("1..%d" % len(results))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
