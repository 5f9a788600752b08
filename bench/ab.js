// npm run bench:ab -- [<git ref>] [--rounds N] [--instructions]
//
// Compares the working tree's build with the build of another commit (default HEAD), on this
// machine, in the same run: cold start on a Markdown CV and a batch of 1,000 Markdown CVs, timed
// in alternating rounds so that a slow spell of a shared machine hits both builds alike, with
// minimums as well as medians. A change of a few per cent is below the noise of one `npm run
// bench` on a small VM; it shows here, and with --instructions (valgrind, if installed) as a count
// of executed instructions, which barely varies between runs.
//
// The other commit is checked out with `git worktree` into a temporary directory and built there
// with this checkout's node_modules, so a commit whose dependencies differ may not build.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const value = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const ref = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--rounds") ?? "HEAD";
const rounds = Number(value("rounds", 9));

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: "utf8", ...opts });
  if (r.status !== 0) {
    process.stderr.write(`bench:ab: ${cmd} ${argv.join(" ")} failed:\n${r.stderr || r.stdout}`);
    process.exit(2);
  }
  return r.stdout.trim();
}

const sha = run("git", ["rev-parse", "--short", ref], { cwd: root });
const work = mkdtempSync(join(tmpdir(), "cvlint-ab-"));
const other = join(work, "other");
const batchDir = join(work, "batch");
try {
  run("git", ["worktree", "add", "--detach", other, ref], { cwd: root });
  symlinkSync(join(root, "node_modules"), join(other, "node_modules"));
  process.stderr.write(`bench:ab: building ${sha}…\n`);
  run("npm", ["run", "--silent", "build"], { cwd: other });

  // The batch of `npm run bench`: the Markdown fixture CVs copied round-robin into 1,000 files.
  const cvs = readdirSync(join(root, "fixtures/cv")).filter((f) => f.endsWith(".md"));
  mkdirSync(batchDir);
  for (let i = 0; i < 1000; i++) cpSync(join(root, "fixtures/cv", cvs[i % cvs.length]), join(batchDir, `cv-${String(i).padStart(4, "0")}.md`));

  const builds = [
    [`${sha} (${ref})`, join(other, "bin/cvlint.js")],
    ["working tree", join(root, "bin/cvlint.js")],
  ];
  const cv = join(root, "fixtures/cv/jane-doe-java.md");
  const cases = [
    ["cold start, Markdown CV", (bin) => [bin, cv]],
    ["batch, 1,000 Markdown CVs", (bin) => [bin, "--format", "json", "-o", "/dev/null", batchDir]],
  ];
  const time = (argv) => {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, argv, { env: { ...process.env, FORCE_COLOR: "0" } });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { min: s[0], median: s[Math.floor(s.length / 2)] };
  };
  console.log(`node ${process.version}, ${rounds} alternating rounds per figure\n`);
  for (const [name, argv] of cases) {
    const times = builds.map(() => []);
    for (const [, bin] of builds) time(argv(bin)); // warm the disk cache
    for (let r = 0; r < rounds; r++) builds.forEach(([, bin], k) => times[k].push(time(argv(bin))));
    const [a, b] = times.map(stats);
    console.log(name);
    builds.forEach(([label], k) => {
      const s = [a, b][k];
      console.log(`  ${label.padEnd(28)} min ${s.min.toFixed(0).padStart(5)} ms   median ${s.median.toFixed(0).padStart(5)} ms`);
    });
    const pct = (x, y) => `${((y / x - 1) * 100).toFixed(1)}%`;
    console.log(`  ${"change".padEnd(28)} min ${pct(a.min, b.min).padStart(8)}   median ${pct(a.median, b.median).padStart(8)}\n`);
  }

  if (flag("instructions")) {
    if (spawnSync("valgrind", ["--version"]).status !== 0) console.log("instructions: valgrind is not installed");
    else {
      // --random-seed fixes V8's hash seed, whose set-up (a search for a prime) otherwise varies by
      // up to 9 M instructions between runs; unlike other V8 flags, it leaves the code cache usable.
      console.log("instructions executed, cold start on a Markdown CV (valgrind --tool=callgrind, node --random-seed=1; two runs each)");
      for (const [label, bin] of builds) {
        const counts = [0, 1].map(() => {
          const r = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", "--smc-check=all-non-file", process.execPath, "--random-seed=1", bin, cv], { encoding: "utf8" });
          return Number(/Collected : (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e6;
        });
        console.log(`  ${label.padEnd(28)} ${counts.map((c) => `${c.toFixed(1)} M`).join("   ")}`);
      }
    }
  }
} finally {
  spawnSync("git", ["worktree", "remove", "--force", other], { cwd: root });
  rmSync(work, { recursive: true, force: true });
}
