/**
 * The canonical fields of a DMS export, per import kind (SPEC §3.1–§3.4). A column of the dealer's file
 * is mapped to one of these; `aliases` are the header names common DMS exports use (Chinese and English),
 * compared after normalisation (trim, lower-case, no spaces or punctuation).
 */
export const IMPORT_KINDS = ['repair-orders', 'vehicle-sales', 'customers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type FieldType =
  | 'text'
  | 'date'
  | 'amount' // yuan in the file → integer fen
  | 'integer'
  | 'phone' // mainland mobile or landline
  | 'vin'
  | 'plate'
  | 'id_card' // PRC resident ID (sensitive, encrypted at rest)
  | 'boolean'
  | 'email'
  | 'enum';

export interface FieldSpec {
  field: string;
  type: FieldType;
  required?: boolean;
  /** For enum fields: canonical value → accepted spellings. */
  values?: Record<string, string[]>;
  aliases: string[];
  maxLength?: number;
}

const customerFields: FieldSpec[] = [
  {
    field: 'customerName',
    type: 'text',
    maxLength: 100,
    aliases: [
      '客户名称',
      '客户姓名',
      '姓名',
      '车主',
      '车主姓名',
      '客户',
      '送修人',
      '购车人',
      'customer',
      'customername',
      'name',
      'owner',
    ],
  },
  {
    field: 'customerKind',
    type: 'enum',
    values: {
      private: ['私人', '个人', '私人客户', 'private', 'individual'],
      organisation: ['公司', '单位', '机关', '组织', '企业', 'company', 'organisation', 'organization'],
    },
    aliases: ['客户类型', '客户性质', '客户类别', 'customertype', 'customerkind'],
  },
  {
    field: 'mobile',
    type: 'phone',
    aliases: [
      '手机',
      '手机号',
      '手机号码',
      '移动电话',
      '联系电话',
      '联系手机',
      '电话',
      'mobile',
      'phone',
      'cellphone',
      'tel',
    ],
  },
  { field: 'landline', type: 'phone', aliases: ['座机', '固定电话', '家庭电话', '办公电话', 'landline', 'homephone'] },
  { field: 'idCard', type: 'id_card', aliases: ['身份证', '身份证号', '身份证号码', '证件号码', 'idcard', 'idnumber'] },
  {
    field: 'gender',
    type: 'enum',
    values: { male: ['男', 'm', 'male'], female: ['女', 'f', 'female'] },
    aliases: ['性别', 'gender', 'sex'],
  },
  { field: 'birthDate', type: 'date', aliases: ['出生日期', '生日', 'birthday', 'birthdate', 'dateofbirth'] },
  { field: 'email', type: 'email', aliases: ['邮箱', '电子邮件', 'email', 'e-mail'] },
  { field: 'address', type: 'text', maxLength: 200, aliases: ['地址', '住址', '联系地址', '住所', 'address'] },
  { field: 'postcode', type: 'text', maxLength: 10, aliases: ['邮编', '邮政编码', 'postcode', 'zip'] },
  { field: 'employer', type: 'text', maxLength: 100, aliases: ['工作单位', '单位', 'employer', 'company'] },
];

const vehicleFields: FieldSpec[] = [
  {
    field: 'vin',
    type: 'vin',
    aliases: ['vin', 'vin码', '车架号', '底盘号', '车辆识别代号', '车辆识别码', 'framenumber', 'chassisno'],
  },
  {
    field: 'plate',
    type: 'plate',
    aliases: ['车牌', '车牌号', '车牌号码', '牌照号', 'plate', 'plateno', 'licenseplate'],
  },
  { field: 'model', type: 'text', maxLength: 100, aliases: ['车型', '车型名称', '车系', 'model', 'vehiclemodel'] },
  { field: 'colour', type: 'text', maxLength: 50, aliases: ['颜色', '车身颜色', '外观颜色', 'colour', 'color'] },
  { field: 'engineNo', type: 'text', maxLength: 50, aliases: ['发动机号', '发动机号码', 'engineno', 'enginenumber'] },
];

export const IMPORT_FIELDS: Record<ImportKind, FieldSpec[]> = {
  'repair-orders': [
    {
      field: 'roNumber',
      type: 'text',
      required: true,
      maxLength: 50,
      aliases: [
        '工单号',
        '维修工单号',
        '委托书号',
        '维修委托书号',
        '委托书编号',
        '工单编号',
        'ro',
        'rono',
        'ronumber',
        'repairorder',
        'repairorderno',
      ],
    },
    {
      field: 'settledOn',
      type: 'date',
      required: true,
      aliases: ['结算日期', '结算时间', '结账日期', '结算日', 'settlementdate', 'settledon', 'settledate'],
    },
    ...customerFields,
    ...vehicleFields,
    {
      field: 'advisorName',
      type: 'text',
      maxLength: 50,
      aliases: ['服务顾问', '接待员', '服务接待', '接待人', 'serviceadvisor', 'advisor', 'sa'],
    },
    {
      field: 'creatorCode',
      type: 'text',
      maxLength: 50,
      aliases: ['创建者代码', '创建人代码', '创建人', 'creatorcode'],
    },
    {
      field: 'repairType',
      type: 'text',
      maxLength: 50,
      aliases: ['维修类型', '维修种类', '维修类别', '工单类型', 'repairtype'],
    },
    {
      field: 'amount',
      type: 'amount',
      aliases: ['维修金额', '结算金额', '工单金额', '总金额', '金额', 'amount', 'total', 'totalamount'],
    },
    { field: 'mileage', type: 'integer', aliases: ['里程', '进厂里程', '行驶里程', '里程数', 'mileage', 'odometer'] },
    { field: 'pickedUpOn', type: 'date', aliases: ['交车日期', '提车日期', '出厂日期', 'pickupdate', 'deliverydate'] },
    {
      field: 'nextVisitOn',
      type: 'date',
      aliases: ['下次入厂时间', '下次保养日期', '下次进厂日期', 'nextvisit', 'nextservicedate'],
    },
    { field: 'rework', type: 'boolean', aliases: ['返修', '是否返修', 'rework', 'comeback'] },
  ],
  'vehicle-sales': [
    {
      field: 'saleDate',
      type: 'date',
      required: true,
      aliases: ['购车日期', '销售日期', '开票日期', '成交日期', 'saledate', 'purchasedate', 'invoicedate'],
    },
    ...vehicleFields.map((f) => (f.field === 'vin' ? { ...f, required: true } : f)),
    ...customerFields,
    {
      field: 'deliveryDate',
      type: 'date',
      aliases: ['交车日期', '交车日', '交付日期', 'deliverydate', 'handoverdate'],
    },
    {
      field: 'consultantName',
      type: 'text',
      maxLength: 50,
      aliases: ['销售顾问', '销售员', '销售人员', 'salesconsultant', 'salesperson', 'consultant'],
    },
    { field: 'barePrice', type: 'amount', aliases: ['车辆本体价格', '裸车价', '车价', '指导价', 'bareprice', 'msrp'] },
    {
      field: 'sellingPrice',
      type: 'amount',
      aliases: ['销售价格', '成交价', '开票价', '销售价', 'sellingprice', 'saleprice', 'price'],
    },
    { field: 'discount', type: 'amount', aliases: ['折扣', '优惠', '优惠金额', 'discount'] },
    {
      field: 'saleType',
      type: 'enum',
      values: {
        retail: ['零售', '个人', 'retail'],
        fleet: ['大客户', '集团', '批售', 'fleet'],
        internal: ['内部', '员工', 'internal'],
        dealer: ['经销商', '同行', '二网', 'dealer'],
      },
      aliases: ['销售类型', '客户类别', 'saletype'],
    },
  ],
  customers: [
    ...customerFields.map((f) => (f.field === 'customerName' ? { ...f, required: true } : f)),
    { field: 'industry', type: 'text', maxLength: 100, aliases: ['行业', 'industry'] },
    { field: 'occupation', type: 'text', maxLength: 50, aliases: ['职业', 'occupation'] },
    {
      field: 'serviceCallbacksAllowed',
      type: 'boolean',
      aliases: ['接受回访', '是否接受回访', '同意回访', 'callbackallowed'],
    },
    {
      field: 'marketingAllowed',
      type: 'boolean',
      aliases: ['接受营销', '同意营销', '是否接受营销', 'marketingallowed'],
    },
  ],
};

/** Header normalisation used for matching aliases. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-—:：（）()[\]【】/\\.*#]/g, '');
}
