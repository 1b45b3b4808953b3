"""diff-match-patch with a leaner middle-snake search (same algorithm, same output)."""

from __future__ import annotations

from typing import Any

from diff_match_patch import diff_match_patch


class FastDiff(diff_match_patch):  # type: ignore[misc]
    """diff_match_patch whose diff_bisect skips the clock and indexes reversed strings.

    Only valid with Diff_Timeout = 0 (no deadline): the step order, the snakes followed
    and so the split points are those of the library's own diff_bisect.
    """

    def __init__(self) -> None:
        super().__init__()
        self.Diff_Timeout = 0  # a timeout would make output depend on machine speed

    def diff_bisect(self, text1: str, text2: str, deadline: Any) -> Any:
        n1 = len(text1)
        n2 = len(text2)
        max_d = (n1 + n2 + 1) // 2
        v_offset = max_d
        v_length = 2 * max_d
        v1 = [-1] * v_length
        v1[v_offset + 1] = 0
        v2 = v1[:]
        delta = n1 - n2
        front = delta % 2 != 0
        r1 = text1[::-1]
        r2 = text2[::-1]
        k1start = k1end = k2start = k2end = 0
        for d in range(max_d):
            for k1 in range(-d + k1start, d + 1 - k1end, 2):
                k1_offset = v_offset + k1
                if k1 == -d or (k1 != d and v1[k1_offset - 1] < v1[k1_offset + 1]):
                    x1 = v1[k1_offset + 1]
                else:
                    x1 = v1[k1_offset - 1] + 1
                y1 = x1 - k1
                while x1 < n1 and y1 < n2 and text1[x1] == text2[y1]:
                    x1 += 1
                    y1 += 1
                v1[k1_offset] = x1
                if x1 > n1:
                    k1end += 2
                elif y1 > n2:
                    k1start += 2
                elif front:
                    k2_offset = v_offset + delta - k1
                    if (
                        0 <= k2_offset < v_length
                        and v2[k2_offset] != -1
                        and x1 >= n1 - v2[k2_offset]
                    ):
                        return self.diff_bisectSplit(text1, text2, x1, y1, deadline)
            for k2 in range(-d + k2start, d + 1 - k2end, 2):
                k2_offset = v_offset + k2
                if k2 == -d or (k2 != d and v2[k2_offset - 1] < v2[k2_offset + 1]):
                    x2 = v2[k2_offset + 1]
                else:
                    x2 = v2[k2_offset - 1] + 1
                y2 = x2 - k2
                while x2 < n1 and y2 < n2 and r1[x2] == r2[y2]:
                    x2 += 1
                    y2 += 1
                v2[k2_offset] = x2
                if x2 > n1:
                    k2end += 2
                elif y2 > n2:
                    k2start += 2
                elif not front:
                    k1_offset = v_offset + delta - k2
                    if 0 <= k1_offset < v_length and v1[k1_offset] != -1:
                        x1 = v1[k1_offset]
                        y1 = v_offset + x1 - k1_offset
                        if x1 >= n1 - x2:
                            return self.diff_bisectSplit(text1, text2, x1, y1, deadline)
        return [(self.DIFF_DELETE, text1), (self.DIFF_INSERT, text2)]
