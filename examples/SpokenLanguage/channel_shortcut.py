#!/usr/bin/python3
"""How much of the spoken-language task a recording's silence gives away.

Each language of Debian's asterisk-core-sounds-*-wav was recorded by one voice in one studio, so the level of
the quiet frames (room noise, hiss, dither) differs by language. This script predicts the language from four
numbers that hold no speech at all -- the 5th and 10th percentile of the 20 ms frame levels (dB) and the levels
of the first and last frame -- with a random forest under 5-fold stratified cross-validation, once on the
whole recordings (as the example loads them) and once on the part between the first and last frame within
40 dB of the loudest (what ClipCropping.TrimSilence keeps). Chance is 20%.

Run after the example has fetched the sounds (they sit in $MLDSL_DATA or ~/.cache/mldsl):
    /usr/bin/python3 examples/SpokenLanguage/channel_shortcut.py
Needs Debian's python3-numpy and python3-sklearn.
"""
import glob
import os
import wave

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedKFold, cross_val_score

ROOT = os.path.join(os.environ.get("MLDSL_DATA") or os.path.expanduser("~/.cache/mldsl"), "debian")
LANGUAGES = ["en", "es", "fr", "it", "ru"]
FRAME = 160  # 20 ms at 8 kHz


def frame_levels_db(path):
    with wave.open(path) as w:
        x = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float64) / 32768
    frames = len(x) // FRAME
    if frames < 3:
        return None
    energy = (x[: frames * FRAME].reshape(frames, FRAME) ** 2).mean(axis=1)
    return None if energy.max() <= 0 else 10 * np.log10(energy + 1e-12)


def quiet_features(levels):
    return [np.percentile(levels, 5), np.percentile(levels, 10), levels[0], levels[-1]]


whole, trimmed, labels = [], [], []
for label, language in enumerate(LANGUAGES):
    voice = glob.glob(f"{ROOT}/asterisk-core-sounds-{language}-wav/usr/share/asterisk/sounds/*")[0]
    for path in sorted(glob.glob(voice + "/**/*.wav", recursive=True)):
        if "/silence/" in path:
            continue
        levels = frame_levels_db(path)
        if levels is None:
            continue
        loud = np.nonzero(levels >= levels.max() - 40)[0]
        whole.append(quiet_features(levels))
        trimmed.append(quiet_features(levels[loud[0] : loud[-1] + 1]))
        labels.append(label)

labels = np.array(labels)
folds = StratifiedKFold(5, shuffle=True, random_state=0)
for name, features in (("whole recordings", whole), ("silence-trimmed", trimmed)):
    accuracy = cross_val_score(RandomForestClassifier(200, random_state=0), np.array(features), labels, cv=folds)
    print(f"{name}: language from quiet-frame levels alone, {len(labels)} clips, accuracy {accuracy.mean():.1%} (chance 20%)")
