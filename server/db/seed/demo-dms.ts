import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vinCheckDigit } from '../../../core/rules/vin';
import type { Config } from '../../config';
import { createUpload, startRun } from '../../features/imports/imports.service';
import { systemActor } from '../../features/imports/system-actor';
import type { Db } from '../client';

/** Deterministic pseudo-random numbers (mulberry32), so every demo start looks the same. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文',
  '华',
  '红',
  '建国',
  '志强',
  '海燕',
  '晓峰',
  '子涵',
  '浩然',
  '梓萱',
  '宇轩',
  '欣怡',
];
const MODELS = ['东风标致408', '东风标致508L', '东风标致4008', '东风标致5008', '东风标致2008', '东风标致e2008'];
const COLOURS = ['珍珠白', '曜石黑', '钛金灰', '星云蓝', '熔岩红'];
const REPAIR_TYPES = ['常规保养', '常规保养', '常规保养', '一般维修', '钣金喷漆', '保修', '事故车维修', '首保'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

function makeVin(next: () => number): string {
  let body = 'LDC';
  for (let i = 0; i < 14; i++) body += VIN_CHARS[Math.floor(next() * VIN_CHARS.length)];
  const vin = `${body.slice(0, 8)}0${body.slice(9)}`;
  return `${vin.slice(0, 8)}${vinCheckDigit(vin)}${vin.slice(9)}`;
}

const ymd = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const csvCell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (rows: (string | number)[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n');

interface DemoCustomer {
  name: string;
  mobile: string;
  vin: string;
  plate: string;
  model: string;
  colour: string;
}

function customers(n: number, seed: number, plateProvince: string, staffPhones: string[]): DemoCustomer[] {
  const next = rng(seed);
  const out: DemoCustomer[] = [];
  for (let i = 0; i < n; i++) {
    const prefix = ['138', '139', '137', '186', '159', '177', '135', '150', '188', '199'][Math.floor(next() * 10)];
    let mobile = `${prefix}${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
    if (i >= 10 && i < 14) mobile = out[9]?.mobile ?? mobile; // four customers share one number: an interference flag
    if (i === 20 && staffPhones[0]) mobile = staffPhones[0]; // a staff member's own number
    const plate = `${plateProvince}${PLATE_LETTERS[Math.floor(next() * 24)]}${String(Math.floor(next() * 1e5)).padStart(5, '0')}`;
    out.push({
      name: `${SURNAMES[Math.floor(next() * SURNAMES.length)]}${GIVEN[Math.floor(next() * GIVEN.length)]}`,
      mobile,
      vin: makeVin(next),
      plate,
      model: MODELS[Math.floor(next() * MODELS.length)] ?? '',
      colour: COLOURS[Math.floor(next() * COLOURS.length)] ?? '',
    });
  }
  return out;
}

/**
 * Writes realistic DMS exports (repair orders by settlement date and vehicle sales, last three months)
 * for one dealer and imports them through the same import code as a dealer's own files.
 */
export async function seedDemoTransactions(db: Db, config: Config, dealerCode: string, seed: number, now = new Date()) {
  const dealer = await db
    .selectFrom('dealers')
    .select(['id', 'code', 'name', 'regionId'])
    .where('code', '=', dealerCode)
    .executeTakeFirstOrThrow();
  const staff = await db
    .selectFrom('staff')
    .select(['name', 'position', 'phone'])
    .where('dealerId', '=', dealer.id)
    .execute();
  const advisors = staff.filter((s) => s.position === '服务顾问').map((s) => s.name);
  const consultants = staff.filter((s) => s.position === '销售顾问').map((s) => s.name);
  const province = dealerCode.startsWith('SH') ? '沪' : dealerCode.startsWith('HZ') ? '浙' : '川';
  const people = customers(
    900,
    seed,
    province,
    staff.map((s) => s.phone).filter((p): p is string => !!p),
  );
  const next = rng(seed + 1);
  const day = (maxDaysAgo: number) => new Date(now.getTime() - Math.floor(next() * maxDaysAgo) * 86_400_000);
  const ros: (string | number)[][] = [
    [
      '维修委托书号',
      '结算日期',
      '客户姓名',
      '手机',
      '车牌号',
      'VIN',
      '车型',
      '颜色',
      '服务顾问',
      '维修类型',
      '结算金额',
      '进厂里程',
    ],
  ];
  for (let i = 0; i < 1500; i++) {
    const c = people[Math.floor(next() * people.length)]!;
    const settled = day(90);
    ros.push([
      `RO${dealerCode}${ymd(settled).replace(/-/g, '')}${String(i).padStart(4, '0')}`,
      ymd(settled),
      c.name,
      c.mobile,
      c.plate,
      c.vin,
      c.model,
      c.colour,
      advisors[Math.floor(next() * advisors.length)] ?? '',
      REPAIR_TYPES[Math.floor(next() * REPAIR_TYPES.length)] ?? '',
      (200 + Math.floor(next() * 480000) / 100).toFixed(2),
      3000 + Math.floor(next() * 90000),
    ]);
  }
  const sales: (string | number)[][] = [
    [
      '购车日期',
      '交车日期',
      'VIN',
      '车型',
      '颜色',
      '客户姓名',
      '手机',
      '销售顾问',
      '指导价',
      '成交价',
      '优惠',
      '销售类型',
    ],
  ];
  for (const c of people.slice(0, 300)) {
    const sold = day(90);
    const price = 120000 + Math.floor(next() * 150000);
    const discount = Math.floor(next() * 15000);
    sales.push([
      ymd(sold),
      ymd(new Date(sold.getTime() + Math.floor(next() * 4) * 86_400_000)),
      c.vin,
      c.model,
      c.colour,
      c.name,
      c.mobile,
      consultants[Math.floor(next() * consultants.length)] ?? '',
      price,
      price - discount,
      discount,
      next() < 0.05 ? '大客户' : '零售',
    ]);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manyi-demo-'));
  try {
    const actor = systemActor(dealer, 'demo-seed');
    for (const [kind, rows, name] of [
      ['vehicle-sales', sales, 'sales.csv'],
      ['repair-orders', ros, 'repair-orders.csv'],
    ] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `\ufeff${csv(rows)}\n`);
      const upload = await createUpload(db, config, actor, {
        kind,
        fileName: `${dealerCode}-${name}`,
        stream: fs.createReadStream(file),
      });
      await startRun(
        db,
        config,
        actor,
        upload.run.id,
        { mapping: upload.suggestedMapping, saveMapping: true },
        { wait: true },
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
