#!/usr/bin/env bash
# Language detection time per chat message (p50/p99, both Lingua modes, their heap cost) and the
# translation engine's own time per message without the provider (against a loopback LibreTranslate
# stub, memory on the embedded H2 file database). Results go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MVN_FLAGS=${MVN_FLAGS:--o}
./mvnw -q -B $MVN_FLAGS compile
./mvnw -q -B $MVN_FLAGS dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p bench/results
OUT="bench/results/translation-$(date +%Y%m%d-%H%M%S).txt"
# The heap the server would run with; -Xlog keeps GC pauses visible if they distort a percentile.
"$JAVA_HOME/bin/java" -Xms256m -Xmx256m -cp "target/classes:$(cat target/bench-classpath.txt)" \
  bench/translation/TranslationBench.java "$@" 2>&1 | grep -v '^SLF4J' | tee "$OUT"
