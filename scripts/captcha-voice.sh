#!/usr/bin/env bash
# Regenerates the audio captcha's spoken digits (Services/Captcha/Voice/<digit>.pcm: 16-bit mono
# little-endian PCM at 11025 Hz, telephone quality, silence trimmed) with espeak-ng's Mandarin voice (Debian package
# espeak-ng). The portal only mixes these clips; it needs no speech engine at run time (ADR 0011).
set -euo pipefail
command -v espeak-ng >/dev/null || { echo "apt-get install espeak-ng first" >&2; exit 1; }
out="$(cd "$(dirname "$0")/.." && pwd)/src/ShanxiIdentity.Web/Services/Captcha/Voice"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
digits=(零 一 二 三 四 五 六 七 八 九)
for i in "${!digits[@]}"; do
  espeak-ng -v cmn -s 130 -w "$tmp/$i.wav" "${digits[$i]}"
  python3 - "$tmp/$i.wav" "$out/$i.pcm" <<'PY'
import array, sys, wave
w = wave.open(sys.argv[1])
assert (w.getframerate(), w.getsampwidth(), w.getnchannels()) == (22050, 2, 1)
s = array.array('h', w.readframes(w.getnframes()))
loud = [i for i, v in enumerate(s) if abs(v) > 300]
s = s[max(loud[0] - 220, 0):loud[-1] + 220]
# Halve the rate (average each pair): speech stays clear and the audio sent is half the size.
s = array.array('h', [(s[i] + s[i + 1]) // 2 for i in range(0, len(s) - 1, 2)])
open(sys.argv[2], 'wb').write(s.tobytes())
PY
done
ls -l "$out"
