import { Anchor, Container, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';

export function NotFoundPage() {
  return (
    <Container size="sm" py="xl">
      <Title order={1}>ページが見つかりません</Title>
      <Text mt="md">アドレスを確かめてください。</Text>
      <Anchor component={Link} to="/" mt="md">
        最初の画面へ
      </Anchor>
    </Container>
  );
}
