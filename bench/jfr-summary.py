#!/usr/bin/env python3
"""Where a JFR recording's CPU samples went, by group of packages: the share of execution samples
with a frame of the group anywhere in the stack, the share whose innermost non-JDK frame is the
group's (its own work), and the top frames.
    bench/jfr-summary.py recording.jfr
Needs the JDK's `jfr` tool on the PATH."""
import collections
import re
import subprocess
import sys

GROUPS = [
    ("Hibernate", ("org.hibernate.",)),
    ("Spring Data / ORM glue", ("org.springframework.data.", "org.springframework.orm.")),
    ("Spring MVC", ("org.springframework.web.",)),
    ("Spring Security", ("org.springframework.security.",)),
    ("Spring transactions / JDBC", ("org.springframework.transaction.", "org.springframework.jdbc.")),
    ("PostgreSQL driver", ("org.postgresql.",)),
    ("Hikari", ("com.zaxxer.hikari.",)),
    ("Tomcat", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
    ("Jackson", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("Micrometer / observation", ("io.micrometer.",)),
    ("Bucket4j / Caffeine", ("io.github.bucket4j.", "com.github.benmanes.caffeine.")),
    ("AES-GCM and hashing", ("javax.crypto.", "com.sun.crypto.", "sun.security.")),
    ("Logging", ("org.apache.logging.", "ch.qos.logback.", "org.slf4j.")),
    ("the service's own code", ("dev.appsecrets.",)),
]


def main(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
                         capture_output=True, text=True, check=True).stdout
    samples = re.split(r"\njdk\.ExecutionSample", out)
    total = 0
    counts = collections.Counter()
    own = collections.Counter()
    tops = collections.Counter()
    for sample in samples:
        frames = re.findall(r"^\s+([\w$.<>]+)\(", sample, re.M)
        if not frames:
            continue
        total += 1
        tops[frames[0]] += 1
        own[next((name for frame in frames for name, prefixes in GROUPS if frame.startswith(prefixes)),
                 "JDK only")] += 1
        for name, prefixes in GROUPS:
            if any(frame.startswith(prefixes) for frame in frames):
                counts[name] += 1
    print(f"{total} CPU samples; 'in stack': samples with a frame of the group anywhere; "
          "'own': samples whose innermost non-JDK frame is the group's")
    print(" in stack    own  group")
    for name in [name for name, _ in GROUPS] + ["JDK only"]:
        print(f"{100 * counts[name] / max(total, 1):7.1f}% {100 * own[name] / max(total, 1):6.1f}%  {name}")
    print("\nTop frames:")
    for frame, n in tops.most_common(15):
        print(f"{100 * n / max(total, 1):5.1f}%  {frame}")


if __name__ == "__main__":
    main(sys.argv[1])
