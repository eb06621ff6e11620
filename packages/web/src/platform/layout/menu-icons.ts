import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BellOutlined,
  ClockCircleOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileTextOutlined,
  KeyOutlined,
  LoginOutlined,
  ProfileOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SendOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons-vue';
import type { Component } from 'vue';

/** Menu icons by key (route meta `icon`), bundled at build time; nothing is fetched at run time. */
export const menuIcons: Record<string, Component> = {
  dashboard: DashboardOutlined,
  users: UserOutlined,
  departments: ApartmentOutlined,
  roles: SafetyOutlined,
  sessions: TeamOutlined,
  apiKeys: KeyOutlined,
  loginLog: LoginOutlined,
  audit: AuditOutlined,
  jobs: ClockCircleOutlined,
  schedules: ScheduleOutlined,
  api: ApiOutlined,
  inbox: BellOutlined,
  notificationPrefs: ProfileOutlined,
  templates: FileTextOutlined,
  channels: ClusterOutlined,
  sendLog: SendOutlined,
};
