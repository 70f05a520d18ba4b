package corpus;

/**
 * Runs of accesses to one object's primitive fields, which the rewriter translates once: compound
 * assignments, every primitive kind, volatile fields, fields of a superclass, and a large object
 * whose later fields are on another page.
 */
public final class Runs {
    private Runs() {
    }

    static class Base {
        int baseCount;
    }

    static final class Cell extends Base {
        long total;
        int step = 3;
        short s;
        byte b;
        char c;
        boolean flag;
        float f;
        double d;
        volatile long stamp;
    }

    /** 4,160 bytes of fields: with 4 KiB pages the last ones lie beyond the page the object starts on. */
    static final class Wide {
        long a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19;
        long b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19;
        long c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19;
        long d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12, d13, d14, d15, d16, d17, d18, d19;
        long e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15, e16, e17, e18, e19;
        long f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19;
        long g0, g1, g2, g3, g4, g5, g6, g7, g8, g9, g10, g11, g12, g13, g14, g15, g16, g17, g18, g19;
        long h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11, h12, h13, h14, h15, h16, h17, h18, h19;
        long i0, i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i15, i16, i17, i18, i19;
        long j0, j1, j2, j3, j4, j5, j6, j7, j8, j9, j10, j11, j12, j13, j14, j15, j16, j17, j18, j19;
        long k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, k13, k14, k15, k16, k17, k18, k19;
        long l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11, l12, l13, l14, l15, l16, l17, l18, l19;
        long m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19;
        long n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12, n13, n14, n15, n16, n17, n18, n19;
        long o0, o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11, o12, o13, o14, o15, o16, o17, o18, o19;
        long p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16, p17, p18, p19;
        long q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15, q16, q17, q18, q19;
        long r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, r16, r17, r18, r19;
        long s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19;
        long t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19;
        long u0, u1, u2, u3, u4, u5, u6, u7, u8, u9, u10, u11, u12, u13, u14, u15, u16, u17, u18, u19;
        long v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19;
        long w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15, w16, w17, w18, w19;
        long x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15, x16, x17, x18, x19;
        long y0, y1, y2, y3, y4, y5, y6, y7, y8, y9, y10, y11, y12, y13, y14, y15, y16, y17, y18, y19;
        long z0, z1, z2, z3, z4, z5, z6, z7, z8, z9, z10, z11, z12, z13, z14, z15, z16, z17, z18, z19;
    }

    static long bump(Cell x, int i) {
        x.total += x.step;
        x.s += (short) i;
        x.b ^= (byte) i;
        x.c = (char) ('a' + i % 26);
        x.flag = !x.flag;
        x.f += 0.5f;
        x.d *= 1.5;
        x.baseCount++;
        x.stamp = x.total + x.baseCount;
        return x.total + x.s + x.b + x.c + (x.flag ? 1 : 0) + (long) x.f + (long) x.d + x.stamp;
    }

    static long wide(Wide w, long v) {
        w.a0 = v;
        w.a1 = v + 1;
        w.z18 = v + 2;
        w.z19 = w.a0 + w.a1 + w.z18;
        return w.a0 + w.z19;
    }

    /** A single read: of an object that has no storage yet, it allocates the object (the TLB's miss does). */
    static long firstRead(Wide w) {
        return w.a3;
    }

    static void firstWrite(Wide w, long v) {
        w.b7 = v;
    }

    public static String run() {
        Wide unread = new Wide();
        long zero = firstRead(unread);
        Wide unwritten = new Wide();
        firstWrite(unwritten, 42);
        long written = unwritten.b7 + firstRead(unwritten);
        Cell[] cells = {new Cell(), new Cell(), new Cell()};
        long sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += bump(cells[i % cells.length], i);
        }
        Wide w = new Wide();
        long wides = 0;
        for (int i = 0; i < 100; i++) {
            wides += wide(w, i);
        }
        Cell c = cells[1];
        return "sum=" + sum + " total=" + c.total + " s=" + c.s + " b=" + c.b + " c=" + c.c + " flag=" + c.flag + " f=" + c.f
                + " d=" + c.d + " base=" + c.baseCount + " stamp=" + c.stamp + " wide=" + wides + " z19=" + w.z19
                + " fresh=" + zero + "/" + written + "/" + unread.z19;
    }
}
